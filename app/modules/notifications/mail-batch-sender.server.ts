import type PgBoss from "pg-boss";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { QUEUES, enqueue, enqueueMany } from "~/utils/jobs.server";
import type { MailBatchJobData, MailJobData } from "./mail.server";
import { resendClient, SEND_TIMEOUT_MS, toHeaderRecord } from "./resend-client.server";
import { MAX_ATTEMPTS, classifyProviderError, describeProviderError, parseRetryAfter, retryDelayMs } from "./retry-policy";

export type BatchResult = "sent" | "stored" | "already-done" | "not-due" | "retry-scheduled" | "dead" | "split";

/**
 * Sends one batch of digest mails through Resend's batch call, with the batch key as Idempotency-Key.
 * The batch is whatever mails carry that key and are still queued, in key order: after a crash, a lost
 * answer or a 429, the same request goes again and Resend answers it without sending anything twice.
 * The mails of a batch change state together (the batch call is all or nothing), so the request stays
 * identical on every retry. A permanent 4xx splits the batch into single sends, so one bad address
 * dead-letters only its own mail.
 */
export async function sendMailBatch(batchKey: string, options: { now?: Date; random?: () => number } = {}): Promise<BatchResult> {
  const now = options.now ?? new Date();
  const mails = await db.mail.findMany({
    where: { batchKey, status: "queued" },
    orderBy: { idempotencyKey: "asc" },
    select: { id: true, to: true, subject: true, html: true, text: true, headers: true, attempts: true, nextAttemptAt: true },
  });
  if (mails.length === 0) return "already-done";
  if (mails.some((m) => m.nextAttemptAt && m.nextAttemptAt.getTime() > now.getTime())) return "not-due";
  const ids = mails.map((m) => m.id);

  const resend = resendClient();
  if (!resend) {
    await db.mail.updateMany({ where: { id: { in: ids }, status: "queued" }, data: { status: "stored", lastError: null } });
    return "stored";
  }

  const from = env().MAIL_FROM;
  const { data, error, headers } = await resend.batch.send(
    mails.map((m) => ({ from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: toHeaderRecord(m.headers) })),
    { idempotencyKey: batchKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );

  if (data && !error && data.data.length === mails.length) {
    // One statement for the whole batch: each mail gets its own provider id, in request order.
    await db.$executeRaw`
      UPDATE "Mail" SET status = 'sent', "providerId" = v.pid, "sentAt" = now(), attempts = attempts + 1,
        "lastError" = NULL, "nextAttemptAt" = NULL
      FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${data.data.map((d) => d.id)}::text[]) AS pid) v
      WHERE "Mail".id = v.id AND "Mail".status = 'queued'`;
    return "sent";
  }

  const failure = error ?? { statusCode: null, name: "application_error", message: "the batch answer did not list every mail" };
  const attempts = Math.max(...mails.map((m) => m.attempts)) + 1;
  const message = describeProviderError(failure);
  const kind = classifyProviderError(failure);
  if (kind === "retry" && attempts < MAX_ATTEMPTS) {
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, parseRetryAfter(headers?.["retry-after"], now), options.random));
    await db.$transaction(async (tx) => {
      await tx.mail.updateMany({
        where: { id: { in: ids }, status: "queued" },
        data: { attempts, lastError: message, lastErrorStatus: failure.statusCode, nextAttemptAt },
      });
      await enqueue(tx, QUEUES.mailBatch, { batchKey } satisfies MailBatchJobData, { startAfter: nextAttemptAt, singletonKey: `${batchKey}:${attempts}` });
    });
    return "retry-scheduled";
  }
  if (kind === "retry") {
    await db.mail.updateMany({
      where: { id: { in: ids }, status: "queued" },
      data: { status: "dead", attempts, failedAt: now, nextAttemptAt: null, lastErrorStatus: failure.statusCode, lastError: `gave up after ${attempts} attempts: ${message}`.slice(0, 500) },
    });
    return "dead";
  }
  // Refused as a whole (strict validation): nothing of it was sent. Each mail goes on alone.
  await db.$transaction(async (tx) => {
    await tx.mail.updateMany({
      where: { id: { in: ids }, status: "queued" },
      data: { batchKey: null, lastError: `batch refused, sending alone: ${message}`.slice(0, 500), lastErrorStatus: failure.statusCode },
    });
    await enqueueMany(tx, QUEUES.mailSend, ids.map((id) => ({ data: { mailId: id } satisfies MailJobData, singletonKey: id })));
  });
  return "split";
}

/**
 * Up to four batches per fetch, sent side by side (each is one HTTP request of up to 100 mails), and
 * a short polling interval: a digest run commits a page every second or so, and pg-boss would
 * otherwise wait two seconds between fetches. Each job succeeds or fails on its own.
 */
export async function registerMailBatchWorker(boss: PgBoss): Promise<string> {
  return boss.work<MailBatchJobData>(QUEUES.mailBatch, { batchSize: 4, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await sendMailBatch(job.data.batchKey);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // Our side failed (the database): after the job's last retry the mails show on the admin page.
          if (job.retryCount >= job.retryLimit) {
            await db.mail
              .updateMany({ where: { batchKey: job.data.batchKey, status: "queued" }, data: { status: "failed", failedAt: new Date(), lastError: message.slice(0, 500) } })
              .catch(() => undefined);
          }
          await boss.fail(QUEUES.mailBatch, job.id, { message });
        }
      }),
    );
  });
}
