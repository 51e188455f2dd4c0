import type PgBoss from "pg-boss";
import { Resend } from "resend";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { QUEUES } from "~/utils/jobs.server";
import type { MailJobData } from "./mail.server";

export type DeliveryResult = "sent" | "stored" | "already-done" | "missing";

type DeliverOptions = {
  /** The job has no retries left: record the mail as failed instead of leaving it queued. */
  finalAttempt?: boolean;
};

/**
 * Read on every delivery, not through env(): env() is parsed once per process, and tests (or an
 * operator rotating the key) change these without a restart.
 */
function resendConfig(): { apiKey: string; baseUrl?: string } | null {
  const apiKey = process.env.RESEND_API_KEY?.trim();
  if (!apiKey) return null;
  const baseUrl = process.env.RESEND_BASE_URL?.trim() || undefined;
  return { apiKey, baseUrl };
}

// A hung provider must not hold the job until pg-boss expires it (QUEUE_POLICY); fail fast and retry.
const SEND_TIMEOUT_MS = 30_000;

export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly mailId: string,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/**
 * Sends one queued mail. Safe to call any number of times: sent/stored mails are left alone, and
 * Resend receives the mail's idempotency key, so a retry after a lost response is not sent twice.
 * Throws when the provider fails, so pg-boss retries with backoff.
 */
export async function deliverMail(mailId: string, options: DeliverOptions = {}): Promise<DeliveryResult> {
  const mail = await db.mail.findUnique({
    where: { id: mailId },
    select: { id: true, idempotencyKey: true, to: true, subject: true, html: true, text: true, headers: true, status: true },
  });
  // The row and its job commit together, so a missing row means it was deleted on purpose.
  if (!mail) return "missing";
  if (mail.status === "sent" || mail.status === "stored") return "already-done";

  const config = resendConfig();
  if (!config) {
    // Local outbox: the row itself is the delivered mail, readable at /dev/outbox.
    await db.mail.update({ where: { id: mail.id }, data: { status: "stored", lastError: null } });
    return "stored";
  }

  const resend = new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
  const { data, error } = await resend.emails.send(
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

  if (error || !data) {
    const message = shortError(error);
    await db.mail.update({
      where: { id: mail.id },
      data: {
        attempts: { increment: 1 },
        lastError: message,
        ...(options.finalAttempt ? { status: "failed" as const } : {}),
      },
    });
    throw new MailDeliveryError(`mail ${mail.id}: ${message}`, mail.id);
  }

  await db.mail.update({
    where: { id: mail.id },
    data: { status: "sent", providerId: data.id, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  return "sent";
}

function toHeaderRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function shortError(error: { name?: string; message?: string; statusCode?: number | null } | null): string {
  if (!error) return "empty response from Resend";
  const status = error.statusCode ?? "network";
  return `${status} ${error.name ?? "error"}: ${error.message ?? ""}`.slice(0, 500);
}

/**
 * Each job in a batch succeeds or fails on its own: failing the whole batch would push mails that
 * were just sent through another (harmless but noisy) round.
 */
export async function registerMailWorker(boss: PgBoss): Promise<string> {
  return boss.work<MailJobData>(QUEUES.mailSend, { batchSize: 5, includeMetadata: true }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await deliverMail(job.data.mailId, { finalAttempt: job.retryCount >= job.retryLimit });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // Only this job goes to retry; pg-boss then completes the rest, which are still active.
          await boss.fail(QUEUES.mailSend, job.id, { message });
        }
      }),
    );
  });
}
