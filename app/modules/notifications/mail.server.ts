import crypto from "node:crypto";
import type { MailLocale, TemplateName, TemplateProps } from "../../../emails";
import { renderTemplate } from "../../../emails/render";
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { QUEUES, enqueue, enqueueMany } from "~/utils/jobs.server";

export type { MailLocale, TemplateName, TemplateProps } from "../../../emails";

export type QueueMailInput<N extends TemplateName> = {
  to: string;
  template: N;
  props: TemplateProps<N>;
  locale: MailLocale;
  /**
   * Names the *reason* for the mail (e.g. `verify-email:<tokenId>`), not the attempt: the same key
   * never yields a second mail. It is also Resend's Idempotency-Key, which allows at most 256 characters.
   */
  idempotencyKey: string;
  /** Extra MIME headers, e.g. List-Unsubscribe / List-Unsubscribe-Post for digests (RFC 8058). */
  headers?: Record<string, string>;
};

const queuedMailSelect = {
  id: true,
  idempotencyKey: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  createdAt: true,
} satisfies Prisma.MailSelect;

export type QueuedMail = Prisma.MailGetPayload<{ select: typeof queuedMailSelect }> & {
  /** False when a mail with this idempotency key already existed and nothing was done. */
  created: boolean;
};

/**
 * Stores a mail and its send job inside the caller's transaction: both exist exactly when the
 * caller's change commits, so a crash can neither lose the mail nor send one for a rolled-back change.
 */
export async function queueMail<N extends TemplateName>(tx: Tx, input: QueueMailInput<N>): Promise<QueuedMail> {
  const { to, template, props, locale, idempotencyKey, headers = {} } = input;
  if (idempotencyKey.length === 0 || idempotencyKey.length > 256) {
    throw new Error("queueMail: idempotencyKey must be 1 to 256 characters (Resend's limit)");
  }

  // Cheap check first so a repeated request does not pay for rendering.
  const existing = await tx.mail.findUnique({ where: { idempotencyKey }, select: queuedMailSelect });
  if (existing) return { ...existing, created: false };

  const { subject, html, text } = await renderMail(template, props, locale);

  // ON CONFLICT DO NOTHING rather than create(): a unique violation would abort the caller's whole
  // Postgres transaction when two requests race on the same key; this way the loser just sees the row.
  const inserted = await tx.mail.createManyAndReturn({
    data: [{ idempotencyKey, to, subject, html, text, headers, template, status: "queued" }],
    skipDuplicates: true,
    select: queuedMailSelect,
  });
  const mail = inserted[0];
  if (!mail) {
    const winner = await tx.mail.findUniqueOrThrow({ where: { idempotencyKey }, select: queuedMailSelect });
    return { ...winner, created: false };
  }

  // singletonKey documents intent; the Mail row's unique key is what actually prevents duplicates
  // (pg-boss only enforces singleton keys for non-standard queue policies).
  await enqueue(tx, QUEUES.mailSend, { mailId: mail.id } satisfies MailJobData, { singletonKey: mail.id });
  return { ...mail, created: true };
}

export type MailJobData = { mailId: string };

export type RenderedMail = { subject: string; html: string; text: string };

/** Subject, HTML and plain text of one mail (the plain text is passed to Resend ourselves). */
export function renderMail<N extends TemplateName>(template: N, props: TemplateProps<N>, locale: MailLocale): Promise<RenderedMail> {
  return renderTemplate(template, props, locale);
}

export type RenderedMailInput = RenderedMail & {
  to: string;
  template: TemplateName;
  idempotencyKey: string;
  /** Extra MIME headers (digests: List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
};

function checkKeys(mails: RenderedMailInput[], caller: string): void {
  if (mails.some((m) => m.idempotencyKey.length === 0 || m.idempotencyKey.length > 256)) {
    throw new Error(`${caller}: idempotencyKey must be 1 to 256 characters (Resend's limit)`);
  }
}

/**
 * queueMail for many mails already rendered (an event's fan-out): one insert for the rows, one for
 * their send jobs, in the caller's transaction. A key that already has a mail is skipped and gets no
 * second job, so a repeated page neither sends twice nor loses a mail. Returns how many were new.
 */
export async function queueRenderedMails(tx: Tx, mails: RenderedMailInput[]): Promise<number> {
  if (mails.length === 0) return 0;
  checkKeys(mails, "queueRenderedMails");
  const inserted = await tx.mail.createManyAndReturn({
    data: mails.map((m) => ({ ...m, headers: m.headers ?? {}, status: "queued" as const })),
    skipDuplicates: true,
    select: { id: true },
  });
  await enqueueMany(tx, QUEUES.mailSend, inserted.map((m) => ({ data: { mailId: m.id } satisfies MailJobData, singletonKey: m.id })));
  return inserted.length;
}

/** Resend's batch call takes at most 100 mails per request. */
export const BATCH_LIMIT = 100;

export type MailBatchJobData = { batchKey: string };

/** An id like the cuids Prisma makes for the other rows (raw inserts make their own). */
function mailId(): string {
  return `m${crypto.randomBytes(12).toString("hex")}`;
}

/**
 * The batch's key, derived from its mails' own keys: the same mails always make the same key, which
 * is also the batch request's Idempotency-Key, so a retried request can never send them twice.
 */
export function batchKeyOf(idempotencyKeys: string[]): string {
  const digest = crypto.createHash("sha256").update([...idempotencyKeys].sort().join("\n")).digest("hex");
  return `batch:${digest}`;
}

/**
 * Stores many rendered mails to go out through Resend's batch call (digests), in the caller's
 * transaction: up to 100 at a time, each group's new rows making one batch (Mail.batchKey, derived
 * from the group's keys) with one send job. A key that already has a mail is skipped and joins no new
 * batch, so a repeated run neither sends twice nor changes a batch already queued. Inserting by hundreds also keeps a large page of
 * digests from becoming one statement of tens of megabytes. Returns the new mails.
 */
export async function queueMailBatches(tx: Tx, mails: RenderedMailInput[]): Promise<{ id: string; idempotencyKey: string }[]> {
  if (mails.length === 0) return [];
  checkKeys(mails, "queueMailBatches");
  const queued: { id: string; idempotencyKey: string }[] = [];
  const jobs: { data: MailBatchJobData; singletonKey: string }[] = [];
  for (let i = 0; i < mails.length; i += BATCH_LIMIT) {
    const chunk = mails.slice(i, i + BATCH_LIMIT);
    // Fixed at insert: the same hundred keys always make the same batch key.
    const batchKey = batchKeyOf(chunk.map((m) => m.idempotencyKey));
    // One statement over column arrays rather than createManyAndReturn's hundred rows of parameters:
    // a digest run writes thousands of 30 kB mails, and this is a third of the time.
    const inserted = await tx.$queryRaw<{ id: string; idempotencyKey: string }[]>`
      INSERT INTO "Mail" (id, "idempotencyKey", "to", subject, html, text, headers, template, status, "batchKey")
      SELECT u.id, u.key, u.recipient, u.subject, u.html, u.text, u.headers::jsonb, u.template, 'queued', ${batchKey}
      FROM unnest(
        ${chunk.map(() => mailId())}::text[], ${chunk.map((m) => m.idempotencyKey)}::text[], ${chunk.map((m) => m.to)}::text[],
        ${chunk.map((m) => m.subject)}::text[], ${chunk.map((m) => m.html)}::text[], ${chunk.map((m) => m.text)}::text[],
        ${chunk.map((m) => JSON.stringify(m.headers ?? {}))}::text[], ${chunk.map((m) => m.template)}::text[]
      ) AS u(id, key, recipient, subject, html, text, headers, template)
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING id, "idempotencyKey"`;
    if (inserted.length === 0) continue;
    jobs.push({ data: { batchKey }, singletonKey: batchKey });
    queued.push(...inserted);
  }
  await enqueueMany(tx, QUEUES.mailBatch, jobs);
  return queued;
}
