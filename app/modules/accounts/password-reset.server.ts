import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { AppError } from "~/utils/errors.server";
import type { Locale } from "~/utils/i18n";
import { invalidateUserSessions } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/notifications/mail.server";
import { hashPassword } from "./passwords.server";
import { enforceRateLimits } from "./rate-limit.server";
import { consumeToken, issueToken } from "./tokens.server";
import { withTimingFloor } from "./uniform-timing.server";

// Long enough to cover the token and mail rows a registered address adds (a few ms, more under load).
export const RESET_ANSWER_FLOOR_MS = 400;

// Same answer, in the same time, whether or not the address is registered; only a registered one gets mail.
export function requestPasswordReset(email: string, ip: string, locale: Locale): Promise<void> {
  return withTimingFloor(RESET_ANSWER_FLOOR_MS, () => sendResetLink(email, ip, locale));
}

async function sendResetLink(email: string, ip: string, locale: Locale): Promise<void> {
  await enforceRateLimits([
    { key: `reset:account:${email}`, limit: 5, windowSeconds: 3600 },
    { key: `reset:ip:${ip}`, limit: 30, windowSeconds: 3600 },
  ]);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset_password");
    await queueMail(tx, {
      to: email,
      template: "reset-password",
      props: { name: user.name, resetUrl: `${appUrl()}/reset-password?token=${token}`, expiresInMinutes: 60 },
      locale: (user.locale as Locale) ?? locale,
      idempotencyKey: `reset-password:${user.id}:${token.slice(0, 8)}`,
    });
    await recordAudit(tx, { actor: null, action: "user.reset_requested", entityId: user.id, data: {} });
  });
}

export async function resetPassword(token: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  const userId = await db.$transaction(async (tx) => {
    const id = await consumeToken(tx, token, "reset_password");
    if (!id) throw new AppError("auth.linkInvalid", 400);
    // Whoever can read the mailbox proves ownership of the address too.
    await tx.user.update({ where: { id }, data: { passwordHash, emailVerifiedAt: new Date() } });
    await recordAudit(tx, { actor: { id }, action: "user.password_reset", entityId: id, data: {} });
    return id;
  });
  await invalidateUserSessions(userId);
  return userId;
}

export async function verifyEmail(token: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const id = await consumeToken(tx, token, "verify_email");
    if (!id) throw new AppError("auth.linkInvalid", 400);
    await tx.user.update({ where: { id }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, { actor: { id }, action: "user.email_verified", entityId: id, data: {} });
    return id;
  });
}
