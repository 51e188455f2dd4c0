import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { createSession } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { dummyPasswordHash, verifyPassword } from "./passwords.server";
import { assertMayTryLogin, recordLoginFailure } from "./login-throttle.server";
import { trustedDeviceFor } from "./trusted-device.server";

export type LoginResult = { token: string; expiresAt: Date; userId: string };

// A registered and an unknown address take the same path (argon2 against a dummy hash, the
// same counters, the same audit row), so neither the answer nor its timing tells them apart.
export async function logIn(email: string, password: string, ip: string, deviceToken: string | null = null): Promise<LoginResult> {
  const trustedDeviceId = await trustedDeviceFor(email, deviceToken);
  const client = { email, ip, trustedDeviceId };
  await assertMayTryLogin(client);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    const delay = await recordLoginFailure(client);
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: null, action: "user.login_failed", entityId: user?.id ?? `email:${email}`,
        data: { ip, trustedDevice: trustedDeviceId != null, knownAccount: user != null },
      }),
    );
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    throw new AppError("auth.invalidCredentials", 400);
  }
  // Told only after the right password, so the message reveals nothing to someone guessing addresses.
  if (user.disabledAt) {
    await db.$transaction((tx) => recordAudit(tx, { actor: null, action: "user.login_refused_disabled", entityId: user.id, data: { ip } }));
    throw new AppError("auth.disabled", 403);
  }
  const session = await createSession(user.id);
  await db.$transaction((tx) => recordAudit(tx, { actor: { id: user.id }, action: "user.login", entityId: user.id, data: { ip, trustedDevice: trustedDeviceId != null } }));
  return { ...session, userId: user.id };
}
