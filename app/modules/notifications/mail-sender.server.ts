import type PgBoss from "pg-boss";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import type { MailJobData } from "./mail.server";
import { resendClient, SEND_TIMEOUT_MS, toHeaderRecord } from "./resend-client.server";
import { MAX_ATTEMPTS, classifyProviderError, describeProviderError, parseRetryAfter, retryDelayMs } from "./retry-policy";

export type DeliveryResult = "sent" | "stored" | "already-done" | "missing" | "not-due" | "retry-scheduled" | "dead";

type DeliverOptions = {
  now?: Date;
  /** Injected by tests to pin the jitter. */
  random?: () => number;
};

/**
 * Sends one queued mail. Safe to call any number of times: only a queued mail whose retry time has
 * come is sent, and Resend receives the mail's idempotency key, so a retry after a lost response is
 * never a second message. A provider failure does not throw: a 429/5xx schedules the next attempt
 * (backoff with jitter, at least Retry-After) as a job of its own, and a permanent 4xx, or the last
 * attempt, dead-letters the mail with the provider's message for the admin mail page.
 */
export async function deliverMail(mailId: string, options: DeliverOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const mail = await db.mail.findUnique({
    where: { id: mailId },
    select: {
      id: true, idempotencyKey: true, to: true, subject: true, html: true, text: true, headers: true, status: true,
      attempts: true, nextAttemptAt: true,
    },
  });
  // The row and its job commit together, so a missing row means it was deleted on purpose.
  if (!mail) return "missing";
  if (mail.status !== "queued") return "already-done";
  // A later job owns the retry (an earlier job retried after a crash must not jump the backoff).
  if (mail.nextAttemptAt && mail.nextAttemptAt.getTime() > now.getTime()) return "not-due";

  const resend = resendClient();
  if (!resend) {
    // Local outbox: the row itself is the delivered mail, readable at /dev/outbox.
    await db.mail.updateMany({ where: { id: mail.id, status: "queued" }, data: { status: "stored", lastError: null } });
    return "stored";
  }

  const { data, error, headers } = await resend.emails.send(
    {
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: toHeaderRecord(mail.headers),
    },
    { idempotencyKey: mail.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );

  if (data && !error) {
    await db.mail.updateMany({
      where: { id: mail.id, status: "queued" },
      data: { status: "sent", providerId: data.id, sentAt: new Date(), attempts: { increment: 1 }, lastError: null, nextAttemptAt: null },
    });
    return "sent";
  }

  const failure = error ?? { statusCode: null, name: "application_error", message: "empty response from Resend" };
  const attempts = mail.attempts + 1;
  const message = describeProviderError(failure);
  if (classifyProviderError(failure) === "retry" && attempts < MAX_ATTEMPTS) {
    const delay = retryDelayMs(attempts, parseRetryAfter(headers?.["retry-after"], now), options.random);
    const nextAttemptAt = new Date(now.getTime() + delay);
    await db.$transaction(async (tx) => {
      await tx.mail.updateMany({
        where: { id: mail.id, status: "queued" },
        data: { attempts, lastError: message, lastErrorStatus: failure.statusCode, nextAttemptAt },
      });
      await enqueue(tx, QUEUES.mailSend, { mailId: mail.id } satisfies MailJobData, { startAfter: nextAttemptAt, singletonKey: `${mail.id}:${attempts}` });
    });
    return "retry-scheduled";
  }
  await db.mail.updateMany({
    where: { id: mail.id, status: "queued" },
    data: {
      status: "dead", attempts, failedAt: now, nextAttemptAt: null, lastErrorStatus: failure.statusCode,
      lastError: attempts >= MAX_ATTEMPTS && classifyProviderError(failure) === "retry" ? `gave up after ${attempts} attempts: ${message}`.slice(0, 500) : message,
    },
  });
  return "dead";
}

/**
 * Each job in a batch succeeds or fails on its own. deliverMail handles provider failures itself;
 * what still throws is our side (the database): pg-boss retries that job, and after its last retry
 * the mail is marked failed so the admin mail page shows it.
 */
export async function registerMailWorker(boss: PgBoss): Promise<string> {
  return boss.work<MailJobData>(QUEUES.mailSend, { batchSize: 5, includeMetadata: true }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await deliverMail(job.data.mailId);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (job.retryCount >= job.retryLimit) {
            await db.mail
              .updateMany({ where: { id: job.data.mailId, status: "queued" }, data: { status: "failed", failedAt: new Date(), lastError: message.slice(0, 500) } })
              .catch(() => undefined);
          }
          // Only this job goes to retry; pg-boss then completes the rest, which are still active.
          await boss.fail(QUEUES.mailSend, job.id, { message });
        }
      }),
    );
  });
}
