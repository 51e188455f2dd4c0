import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import type { MailJobData } from "./mail.server";
import { UNDELIVERED, type Undelivered } from "./mail-status";

// The admin mail page: mail that did not go out — dead letters (refused by the provider, or retries
// exhausted) and failures on our side — with the provider's message, and a retry.


export function listUndeliveredMail(status?: Undelivered, take = 200) {
  return db.mail.findMany({
    where: { status: { in: status ? [status] : [...UNDELIVERED] } },
    orderBy: [{ failedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take,
    select: {
      id: true, to: true, subject: true, template: true, status: true, attempts: true, lastError: true, lastErrorStatus: true,
      failedAt: true, createdAt: true,
    },
  });
}

/**
 * Queues a failed or dead mail again, alone (out of any batch), with a fresh retry budget and its own
 * idempotency key — Resend still answers a key it has seen without sending twice. Audited.
 */
export async function retryMail(actor: AuditActor, mailId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const mail = await tx.mail.findUnique({ where: { id: mailId }, select: { id: true, status: true, to: true, template: true, lastError: true } });
    if (!mail) throw new AppError("error.notFound", 404);
    const { count } = await tx.mail.updateMany({
      where: { id: mailId, status: { in: [...UNDELIVERED] } },
      data: { status: "queued", attempts: 0, nextAttemptAt: null, failedAt: null, batchKey: null },
    });
    // Someone else retried it a moment ago, or it was never undelivered.
    if (count === 0) throw new AppError("mailadmin.error.notRetryable", 409);
    await enqueue(tx, QUEUES.mailSend, { mailId } satisfies MailJobData, { singletonKey: `${mailId}:retry:${Date.now()}` });
    await recordAudit(tx, { actor, action: "mail.retry", entityId: mailId, data: { from: mail.status, to: mail.to, template: mail.template, lastError: mail.lastError } });
  });
}
