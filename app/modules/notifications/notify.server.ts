import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { queueMail, type MailLocale, type TemplateName, type TemplateProps } from "./mail.server";
import type { Recipient } from "./interested.server";

/**
 * One event → one in-app Notification and one Mail per user.
 *
 * Where it runs: inside the caller's transaction (not a separate pg-boss job). The event (an answer,
 * an amendment, a cancellation) and everything it announces commit or roll back together, and the
 * audience is fixed at the moment of the event. The expensive part, sending, is already a job:
 * queueMail only stores the Mail row and enqueues `mail-send`. The cost inside the transaction is one
 * render per recipient, bounded by the members of the interested organisations of one scenario.
 * If that ever grows too large, this same function can run in a job unchanged, because it is idempotent:
 *
 * Idempotency: the key is `<event>:<entityId>:<userId>` for both the Notification (dedupeKey) and the
 * Mail (idempotencyKey). A second delivery of the same event — a retried job, a replayed call —
 * inserts nothing (ON CONFLICT DO NOTHING, which does not abort the caller's transaction).
 */
export type NotifyEvent<N extends TemplateName> = {
  event: string; // e.g. "question.answered"; also Notification.kind
  entityId: string;
  link: string; // path inside the app, e.g. /scenarios/JB-2025-0042
  data?: Prisma.InputJsonValue;
  /** Per-recipient copy in the recipient's own language. */
  content: (locale: MailLocale, recipient: Recipient) => { title: string; body: string; props: TemplateProps<N> };
  template: N;
};

export function dedupeKey(event: string, entityId: string, userId: string): string {
  return `${event}:${entityId}:${userId}`;
}

export function mailLocale(locale: string): MailLocale {
  return locale === "en" ? "en" : "zh-CN";
}

/** Returns how many notifications were newly created (0 on a repeated delivery). */
export async function notifyUsers<N extends TemplateName>(tx: Tx, recipients: Recipient[], input: NotifyEvent<N>): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  let created = 0;
  for (const user of unique) {
    const key = dedupeKey(input.event, input.entityId, user.id);
    const locale = mailLocale(user.locale);
    const { title, body, props } = input.content(locale, user);
    const inserted = await tx.notification.createMany({
      data: [{ userId: user.id, kind: input.event, title, body, link: input.link, data: input.data ?? {}, dedupeKey: key }],
      skipDuplicates: true,
    });
    created += inserted.count;
    // queueMail is idempotent on the same key, so a half-finished earlier delivery is completed, not doubled.
    await queueMail(tx, { to: user.email, template: input.template, props, locale, idempotencyKey: key });
  }
  return created;
}
