import type { Explanation } from "../../../search/matching/types";
import type { DigestCandidate } from "./digest-candidates.server";
import type { DigestContext } from "./digest-context.server";
import { windowStartFor, type DigestCadence } from "./digest-periods";

/** One subscriber as a run sees them: their active subscriptions of the run's cadence. */
export type Subscriber = {
  id: string;
  email: string;
  locale: string;
  searches: { id: string; name: string; query: string; orgId: string }[];
  recommendations: { id: string; orgId: string; orgName: string; orgNameEn: string | null }[];
  lastWindowEnd: Date | null;
};

export type ItemReason = { kind: "search"; name: string } | { kind: "recommended"; explanation: Explanation };

export type ContentItem = { candidate: DigestCandidate; reasons: ItemReason[]; /** whose "not relevant" it feeds */ orgId: string };

export type ClosingItem = { id: string; code: string; title: string; titleEn: string | null; deadline: Date };

export type DigestContent = {
  subscriber: Subscriber;
  windowStart: Date;
  /** Newest first; each scenario once, with every reason it matched. */
  items: ContentItem[];
  closing: ClosingItem[];
};

/** What a page of subscribers needs from the database besides the shared context. */
export type PageFacts = {
  /** `${orgId}|${scenarioId}` marked "not relevant". */
  dismissed: ReadonlySet<string>;
  /** Followed scenarios per organisation, with deadlines. */
  follows: ReadonlyMap<string, ClosingItem[]>;
};

export const CLOSING_WINDOW_MS = 7 * 86_400_000;

export function windowStartOf(subscriber: Subscriber, cadence: DigestCadence, windowEnd: Date): Date {
  return windowStartFor(cadence, windowEnd, subscriber.lastWindowEnd);
}

/**
 * Everything new for one subscriber: the window's candidates that any saved search finds or the
 * matching recommends, minus what their organisation marked "not relevant", each listed once with
 * every reason; plus followed scenarios whose deadline entered the coming 7 days since their last
 * digest. `null` when recommendations are needed but matching cannot answer (the subscriber waits).
 */
export async function buildContent(
  subscriber: Subscriber,
  cadence: DigestCadence,
  ctx: DigestContext,
  facts: PageFacts,
): Promise<DigestContent | null> {
  const windowStart = windowStartOf(subscriber, cadence, ctx.windowEnd);
  const candidates = await ctx.candidates(windowStart);
  const items = new Map<string, ContentItem>();
  const add = (id: string, orgId: string, reason: ItemReason) => {
    const candidate = candidates.get(id);
    if (!candidate || facts.dismissed.has(`${orgId}|${id}`)) return;
    const item = items.get(id) ?? { candidate, reasons: [], orgId };
    item.reasons.push(reason);
    items.set(id, item);
  };

  for (const search of subscriber.searches) {
    for (const id of ctx.searchMatches(windowStart, search.query)) add(id, search.orgId, { kind: "search", name: search.name });
  }
  for (const sub of subscriber.recommendations) {
    const recommended = await ctx.recommendations(sub.orgId, windowStart);
    if (!recommended) return null;
    for (const [id, explanation] of recommended) add(id, sub.orgId, { kind: "recommended", explanation });
  }

  // A deadline is news once: when it comes within 7 days of a digest (everything closing soon for a first digest).
  const closingFrom = subscriber.lastWindowEnd ? subscriber.lastWindowEnd.getTime() + CLOSING_WINDOW_MS : -Infinity;
  const closingTo = ctx.windowEnd.getTime() + CLOSING_WINDOW_MS;
  const orgs = new Set([...subscriber.searches.map((s) => s.orgId), ...subscriber.recommendations.map((r) => r.orgId)]);
  const closing = new Map<string, ClosingItem>();
  for (const orgId of orgs) {
    for (const followed of facts.follows.get(orgId) ?? []) {
      const at = followed.deadline.getTime();
      if (at > closingFrom && at > ctx.windowEnd.getTime() && at > ctx.now.getTime() && at <= closingTo && !items.has(followed.id)) {
        closing.set(followed.id, followed);
      }
    }
  }

  return {
    subscriber,
    windowStart,
    items: [...items.values()].sort((a, b) => b.candidate.changedAt.getTime() - a.candidate.changedAt.getTime() || a.candidate.code.localeCompare(b.candidate.code)),
    closing: [...closing.values()].sort((a, b) => a.deadline.getTime() - b.deadline.getTime()),
  };
}

export function isEmpty(content: DigestContent): boolean {
  return content.items.length === 0 && content.closing.length === 0;
}
