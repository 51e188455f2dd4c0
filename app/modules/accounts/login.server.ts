import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { createSession } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { dummyPasswordHash, verifyPassword } from "./passwords.server";
import { enforceRateLimits } from "./rate-limit.server";

const WINDOW = 15 * 60;

export async function logIn(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date; userId: string }> {
  await enforceRateLimits([
    { key: `login:account:${email}`, limit: 10, windowSeconds: WINDOW },
    { key: `login:ip:${ip}`, limit: 50, windowSeconds: WINDOW },
  ]);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) throw new AppError("auth.invalidCredentials", 400);
  const session = await createSession(user.id);
  await db.$transaction((tx) => recordAudit(tx, { actorId: user.id, action: "user.login", entityType: "user", entityId: user.id, data: { ip } }));
  return { ...session, userId: user.id };
}
