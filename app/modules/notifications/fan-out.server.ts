import type PgBoss from "pg-boss";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { isLocale, translator, type Locale } from "~/utils/i18n";
import { QUEUES } from "~/utils/jobs.server";
import { dedupeKey, type Reader, type Recipient } from "./define-event.server";
import { EVENT_REGISTRY } from "./event-registry.server";
import { parseEventJob, type EventJob } from "./events";
import { queueRenderedMails, renderMail, type RenderedMail, type RenderedMailInput, type TemplateName } from "./mail.server";

// The worker's half of an event: resolve the recipients page by page, write their notifications,
// render and queue their mails. Runs outside any command's transaction, so a scenario followed by
// thousands of vendors no longer holds its amendment open while mails are rendered.

export type FanOutOptions = {
  /** Recipients per page: one user query, one notification insert, one mail insert per page. */
  pageSize?: number;
  /** Called after each committed page (tests use it to stop a run halfway, as a crash would). */
  afterPage?: (page: number) => void | Promise<void>;
};

export type FanOutResult = { recipients: number; notifications: number; mails: number };

const recipientSelect = { id: true, email: true, name: true, locale: true } satisfies Prisma.UserSelect;

function readerFor(recipient: Recipient): Reader {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "zh-CN";
  return { recipient, locale, t: translator(locale) };
}

/**
 * Renders each distinct (template, locale, props) once: an amendment's mail is the same for every
 * follower who reads the same language, so 2,000 recipients cost two renders, not 2,000.
 */
function mailRenderer() {
  const cache = new Map<string, Promise<RenderedMail>>();
  return <N extends TemplateName>(template: N, props: Parameters<typeof renderMail<N>>[1], locale: Locale) => {
    const key = JSON.stringify([template, locale, props]);
    let rendered = cache.get(key);
    if (!rendered) {
      rendered = renderMail(template, props, locale);
      cache.set(key, rendered);
    }
    return rendered;
  };
}

/**
 * Announces one event to its whole audience. Idempotent: every notification and mail carries the key
 * `<event>:<occurrence>:<user>` (ON CONFLICT DO NOTHING), and a page's notifications, mails and mail
 * jobs commit together, so a retry after a crash halfway completes the rest and sends nothing twice.
 */
export async function fanOutEvent(job: unknown, options: FanOutOptions = {}): Promise<FanOutResult> {
  const { event, entityId, data } = parseEventJob(job) as EventJob;
  const definition = EVENT_REGISTRY[event];
  const ctx = await definition.load(entityId, data as never);
  const result: FanOutResult = { recipients: 0, notifications: 0, mails: 0 };
  if (ctx === null) return result;

  const pageSize = options.pageSize ?? 250;
  const occurrence = definition.occurrence?.(entityId, data as never) ?? entityId;
  const audience = definition.audience(ctx);
  const link = definition.link(ctx);
  const notificationData = definition.data?.(ctx) ?? {};
  const render = mailRenderer();
  let after: string | undefined;

  for (let page = 0; ; page += 1) {
    // Keyset paging by user id: stable while the audience grows, and each page is one index range.
    const users = await db.user.findMany({
      where: after ? { AND: [audience, { id: { gt: after } }] } : audience,
      select: recipientSelect,
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (users.length === 0) break;
    after = users[users.length - 1]!.id;
    const readers = users.map((user) => ({ key: dedupeKey(event, occurrence, user.id), reader: readerFor(user) }));

    const notifications = readers.map(({ key, reader }) => {
      const vars = definition.notification.vars(ctx, reader);
      return {
        userId: reader.recipient.id, kind: event, link, data: notificationData, dedupeKey: key,
        title: reader.t(definition.notification.title, vars), body: reader.t(definition.notification.body, vars),
      };
    });
    const mails = definition.mail ? await mailsFor(definition.mail, ctx, readers, render) : [];

    const [notified, mailed] = await db.$transaction(
      async (tx) => [(await tx.notification.createMany({ data: notifications, skipDuplicates: true })).count, await queueRenderedMails(tx, mails)],
      { timeout: 30_000 },
    );
    result.recipients += users.length;
    result.notifications += notified;
    result.mails += mailed;
    await options.afterPage?.(page);
    if (users.length < pageSize) break;
  }
  return result;
}

type MailSpec = NonNullable<(typeof EVENT_REGISTRY)[keyof typeof EVENT_REGISTRY]["mail"]>;

/** Rendered mails for a page, skipping recipients who already have theirs (a retried page renders nothing). */
async function mailsFor(
  spec: MailSpec,
  ctx: unknown,
  readers: { key: string; reader: Reader }[],
  render: ReturnType<typeof mailRenderer>,
): Promise<RenderedMailInput[]> {
  const existing = await db.mail.findMany({ where: { idempotencyKey: { in: readers.map((r) => r.key) } }, select: { idempotencyKey: true } });
  const done = new Set(existing.map((m) => m.idempotencyKey));
  return Promise.all(
    readers
      .filter(({ key }) => !done.has(key))
      .map(async ({ key, reader }) => ({
        ...(await render(spec.template, spec.props(ctx, reader), reader.locale)),
        to: reader.recipient.email,
        template: spec.template,
        idempotencyKey: key,
      })),
  );
}

/**
 * Two fan-outs at a time per worker process, so a proposal receipt does not wait behind an amendment
 * to thousands of followers; each fan-out is already a stream of batched pages. Returns the worker ids.
 */
export async function registerEventWorker(boss: PgBoss, concurrency = 2): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < concurrency; i += 1) {
    ids.push(
      await boss.work<unknown>(QUEUES.events, { batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const result = await fanOutEvent(job.data);
        if (result.recipients > 100) console.log(`[events] ${JSON.stringify(job.data).slice(0, 200)}: ${JSON.stringify(result)}`);
      }),
    );
  }
  return ids;
}
