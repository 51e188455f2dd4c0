import type { Prisma } from "~/generated/prisma/client";
import { queueMailBatches, type RenderedMailInput } from "~/modules/notifications/mail.server";
import { db } from "~/utils/db.server";
import { buildContent, isEmpty, windowStartOf, type ClosingItem, type DigestContent, type PageFacts, type Subscriber } from "./digest-content.server";
import { createDigestContext, type DigestContext } from "./digest-context.server";
import { displayCache, renderDigest } from "./digest-mail.server";
import { windowEndOf, type DigestPeriod } from "./digest-periods";
import { linkSigner, type LinkSigner } from "./link-tokens.server";

export type DigestRunOptions = {
  now?: Date;
  /** Subscribers per page: one read, one render pass, one transaction. */
  pageSize?: number;
  /** Called after each committed page (tests stop a run here, as a crash would). */
  afterPage?: (page: number) => void | Promise<void>;
};

export type DigestRunSummary = {
  period: string;
  due: boolean;
  subscribers: number;
  mails: number;
  empty: number;
  /** Subscribers left for a retry because matching could not answer for their recommendations. */
  deferred: number;
  /** Where the time went, in milliseconds (the benchmark prints it). */
  phases: { subscribers: number; searches: number; facts: number; build: number; render: number; commit: number };
};

export class DigestDeferredError extends Error {
  constructor(readonly summary: DigestRunSummary) {
    super(`digest ${summary.period}: ${summary.deferred} subscriber(s) deferred (matching unavailable); the job is retried`);
    this.name = "DigestDeferredError";
  }
}

/** Users owed a digest of this period: verified address, an active subscription of its cadence, none yet, not unsubscribed from all. */
function owed(period: DigestPeriod, after: string | undefined): Prisma.UserWhereInput {
  const active = { frequency: period.cadence, unsubscribes: { none: { undoneAt: null } } };
  return {
    ...(after ? { id: { gt: after } } : {}),
    emailVerifiedAt: { not: null },
    digestRuns: { none: { period: period.key } },
    digestUnsubscribes: { none: { scope: "all", undoneAt: null } },
    OR: [{ savedSearches: { some: active } }, { recommendationSubscriptions: { some: active } }],
  };
}

async function loadPage(period: DigestPeriod, after: string | undefined, take: number): Promise<Subscriber[]> {
  const active = { frequency: period.cadence, unsubscribes: { none: { undoneAt: null } } };
  const users = await db.user.findMany({
    where: owed(period, after),
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, email: true, locale: true,
      memberships: { where: { role: "vendor_member" }, select: { orgId: true } },
      savedSearches: { where: active, orderBy: { createdAt: "asc" }, select: { id: true, name: true, query: true, orgId: true } },
      recommendationSubscriptions: {
        where: active, orderBy: { createdAt: "asc" },
        select: { id: true, orgId: true, org: { select: { name: true, nameEn: true } } },
      },
      digestRuns: { where: { frequency: period.cadence }, orderBy: { windowEnd: "desc" }, take: 1, select: { windowEnd: true } },
    },
  });
  // A subscription counts only while its owner is still a member of the organisation it is for.
  return users.map((u) => {
    const member = new Set(u.memberships.map((m) => m.orgId));
    return {
      id: u.id, email: u.email, locale: u.locale,
      searches: u.savedSearches.filter((s) => member.has(s.orgId)),
      recommendations: u.recommendationSubscriptions
        .filter((r) => member.has(r.orgId))
        .map((r) => ({ id: r.id, orgId: r.orgId, orgName: r.org.name, orgNameEn: r.org.nameEn })),
      lastWindowEnd: u.digestRuns[0]?.windowEnd ?? null,
    };
  });
}

/** "Not relevant" marks and followed scenarios of the page's organisations, in two queries. */
async function loadFacts(subscribers: Subscriber[], ctx: DigestContext, candidateIds: string[]): Promise<PageFacts> {
  const orgIds = [...new Set(subscribers.flatMap((s) => [...s.searches.map((x) => x.orgId), ...s.recommendations.map((x) => x.orgId)]))];
  const [feedback, interests] = await Promise.all([
    candidateIds.length > 0
      ? db.recommendationFeedback.findMany({ where: { orgId: { in: orgIds }, scenarioId: { in: candidateIds } }, select: { orgId: true, scenarioId: true } })
      : [],
    db.scenarioInterest.findMany({
      where: { orgId: { in: orgIds }, scenario: { status: "published", deadline: { gt: ctx.now, lte: new Date(ctx.windowEnd.getTime() + 7 * 86_400_000) } } },
      select: { orgId: true, scenario: { select: { id: true, code: true, title: true, titleEn: true, deadline: true } } },
    }),
  ]);
  const follows = new Map<string, ClosingItem[]>();
  for (const i of interests) follows.set(i.orgId, [...(follows.get(i.orgId) ?? []), i.scenario]);
  return { dismissed: new Set(feedback.map((f) => `${f.orgId}|${f.scenarioId}`)), follows };
}

/**
 * Records the page's digests and queues their mails in ONE transaction: a DigestRun per subscriber
 * (empty ones too, so the next window starts where this one ended), unique on (user, period), and the
 * mails with their batches and send jobs. A crash before the commit leaves nothing (the retry builds
 * the page again); after it, everything is there and only the batch jobs remain. A second worker that
 * built the same subscribers inserts nothing: the run rows and mail keys already exist.
 */
async function commitPage(period: DigestPeriod, windowEnd: Date, contents: DigestContent[], mails: Map<string, RenderedMailInput>) {
  return db.$transaction(
    async (tx) => {
      const queued = await queueMailBatches(tx, [...mails.values()]);
      const mailIdByKey = new Map(queued.map((m) => [m.idempotencyKey, m.id]));
      const runs = await tx.digestRun.createMany({
        data: contents.map((c) => ({
          userId: c.subscriber.id,
          frequency: period.cadence,
          period: period.key,
          windowStart: c.windowStart,
          windowEnd,
          items: c.items.length,
          mailId: mailIdByKey.get(mails.get(c.subscriber.id)?.idempotencyKey ?? "") ?? null,
        })),
        skipDuplicates: true,
      });
      return { runs: runs.count, mails: queued.length };
    },
    { timeout: 60_000 },
  );
}

/**
 * Builds and queues every digest of one period. Idempotent and resumable: it pages through the
 * subscribers who have no run for the period yet, so a retry after a crash (or a second worker)
 * continues where the committed pages end, and nobody gets a second digest or none.
 */
export async function runDigestPeriod(period: DigestPeriod, options: DigestRunOptions = {}): Promise<DigestRunSummary> {
  const now = options.now ?? new Date();
  const summary: DigestRunSummary = {
    period: period.key, due: period.dueAt.getTime() <= now.getTime(), subscribers: 0, mails: 0, empty: 0, deferred: 0,
    phases: { subscribers: 0, searches: 0, facts: 0, build: 0, render: 0, commit: 0 },
  };
  const timed = async <T>(phase: keyof DigestRunSummary["phases"], work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      summary.phases[phase] += Math.round(performance.now() - started);
    }
  };
  // A period not yet due would read a window that is still open.
  if (!summary.due) return summary;
  const windowEnd = windowEndOf(period);
  const ctx = createDigestContext(windowEnd, now);
  const signer: LinkSigner = await linkSigner();
  const display = displayCache();
  const pageSize = options.pageSize ?? 500;
  let after: string | undefined;

  for (let page = 0; ; page += 1) {
    const subscribers = await timed("subscribers", () => loadPage(period, after, pageSize));
    if (subscribers.length === 0) break;
    after = subscribers[subscribers.length - 1]!.id;

    // Every distinct (window, saved query) of the page in one go; most subscribers share one window.
    const windows = subscribers.map((s) => ({ s, start: windowStartOf(s, period.cadence, windowEnd) }));
    await timed("searches", () => ctx.prepareSearches(windows.flatMap(({ s, start }) => s.searches.map((x) => ({ start, query: x.query })))));
    const candidateIds = new Set<string>();
    for (const start of new Set(windows.map((w) => w.start.getTime()))) {
      for (const id of (await ctx.candidates(new Date(start))).keys()) candidateIds.add(id);
    }
    const facts = await timed("facts", () => loadFacts(subscribers, ctx, [...candidateIds]));

    const contents: DigestContent[] = [];
    const mails = new Map<string, RenderedMailInput>();
    for (const subscriber of subscribers) {
      const content = await timed("build", () => buildContent(subscriber, period.cadence, ctx, facts));
      if (!content) {
        summary.deferred += 1;
        continue;
      }
      contents.push(content);
      if (!isEmpty(content)) mails.set(subscriber.id, await timed("render", () => renderDigest(content, period, signer, display)));
    }
    const committed = await timed("commit", () => commitPage(period, windowEnd, contents, mails));
    summary.subscribers += committed.runs;
    summary.mails += committed.mails;
    summary.empty += contents.filter(isEmpty).length;
    await options.afterPage?.(page);
    if (subscribers.length < pageSize) break;
  }
  if (summary.deferred > 0) throw new DigestDeferredError(summary);
  return summary;
}
