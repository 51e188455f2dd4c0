import type { z } from "zod";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { AppError } from "~/utils/errors.server";
import { appUrl } from "~/utils/env.server";
import type { Locale } from "~/utils/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/notifications/mail.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import { hashPassword } from "./passwords.server";
import type { SignupSchema } from "./schemas";
import { issueToken } from "./tokens.server";
import { withTimingFloor } from "./uniform-timing.server";

export type SignupInput = z.infer<typeof SignupSchema>;
export type SignupOutcome = { kind: "created"; userId: string } | { kind: "existing" };

// A credit code is public in China, so knowing one must never make anybody a member: an
// organisation already on the platform is joined only through an invitation from a member.
// The check comes before the address check so its answer cannot tell whether an address exists.
async function refuseRegisteredCreditCode(creditCode: string): Promise<void> {
  const registered = await db.organisation.findUnique({ where: { creditCode }, select: { id: true } });
  if (registered) throw new AppError("auth.signup.orgRegistered", 409);
}

// An address already registered gets a notice by mail instead of an error, so the form
// never reveals who has an account.
// A new account costs a password hash and a few rows, a known address one mail row: both paths
// hash the password and answer no sooner than this floor.
export const SIGNUP_ANSWER_FLOOR_MS = 800;

export async function signUpVendor(input: SignupInput, locale: Locale): Promise<SignupOutcome> {
  await refuseRegisteredCreditCode(input.creditCode);
  return withTimingFloor(SIGNUP_ANSWER_FLOOR_MS, () => createAccount(input, locale));
}

async function createAccount(input: SignupInput, locale: Locale): Promise<SignupOutcome> {
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (existing) {
    await db.$transaction(async (tx) => {
      await queueMail(tx, {
        to: input.email,
        template: "account-exists",
        props: { name: existing.name, loginUrl: `${appUrl()}/login`, forgotUrl: `${appUrl()}/forgot-password` },
        locale,
        idempotencyKey: `signup-existing:${existing.id}:${new Date().toISOString().slice(0, 13)}`,
      });
    });
    return { kind: "existing" };
  }
  const userId = await db.$transaction(async (tx) => {
    // The unique index settles a race between two sign-ups with one code: the loser gets P2002.
    const org = await tx.organisation.create({
      data: { name: input.orgName, type: input.orgType, creditCode: input.creditCode, verified: false },
      select: { id: true },
    });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, locale, memberships: { create: { orgId: org.id, role: "vendor_member" } } },
      select: { id: true },
    });
    const token = await issueToken(tx, user.id, "verify_email");
    await queueMail(tx, {
      to: input.email,
      template: "verify-email",
      props: { name: input.name, verifyUrl: `${appUrl()}/verify-email?token=${token}` },
      locale,
      idempotencyKey: `verify-email:${user.id}:${token.slice(0, 8)}`,
    });
    await recordAudit(tx, { actor: { id: user.id }, action: "user.signup", entityId: user.id, orgId: org.id, data: { orgCreated: true } });
    // A new vendor/institute appears in the directory; committed together with the organisation.
    await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: org.id });
    return user.id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, "creditCode")) throw new AppError("auth.signup.orgRegistered", 409);
    throw error;
  });
  return { kind: "created", userId };
}
