import { scenariosForVendor } from "../../../search/matching/scenarios-for-vendor.server";
import type { Explanation } from "../../../search/matching/types";
import { matchSearchesInWindow } from "../../../search/digest-search.server";
import { candidatesInWindow, type DigestCandidate } from "./digest-candidates.server";

/**
 * What one digest run learns once and every subscriber shares: the candidates of a window (nearly
 * every subscriber of a period has the same window), the answer of each distinct saved query in a
 * window, and each organisation's recommendations. Subscribers are processed page by page; each page
 * asks only for what no earlier page asked.
 */
export type DigestContext = {
  windowEnd: Date;
  now: Date;
  candidates(start: Date): Promise<Map<string, DigestCandidate>>;
  /** Runs every (window start, saved query) pair not answered yet; call before searchMatches. */
  prepareSearches(pairs: { start: Date; query: string }[]): Promise<void>;
  searchMatches(start: Date, query: string): ReadonlySet<string>;
  /** The window's scenarios recommended for the organisation (above the matching floor), with why; null when matching is unavailable. */
  recommendations(orgId: string, start: Date): Promise<Map<string, Explanation> | null>;
};

// How many of a window's listings are recommended to one organisation at most.
const RECOMMENDATION_LIMIT = 100;

export function createDigestContext(windowEnd: Date, now: Date): DigestContext {
  const candidateCache = new Map<number, Promise<Map<string, DigestCandidate>>>();
  const searchCache = new Map<string, ReadonlySet<string>>();
  const recommendationCache = new Map<string, Promise<Map<string, Explanation> | null>>();
  const key = (start: Date, query: string) => `${start.getTime()}|${query}`;

  const candidates = (start: Date) => {
    let pending = candidateCache.get(start.getTime());
    if (!pending) {
      pending = candidatesInWindow(start, windowEnd, now);
      candidateCache.set(start.getTime(), pending);
    }
    return pending;
  };

  return {
    windowEnd,
    now,
    candidates,
    async prepareSearches(pairs) {
      const byStart = new Map<number, Set<string>>();
      for (const { start, query } of pairs) {
        if (searchCache.has(key(start, query))) continue;
        const set = byStart.get(start.getTime()) ?? new Set<string>();
        set.add(query);
        byStart.set(start.getTime(), set);
      }
      for (const [startMs, queries] of byStart) {
        const start = new Date(startMs);
        const found = await candidates(start);
        const ids = [...found.keys()];
        const amendedIds = ids.filter((id) => found.get(id)!.amended);
        const matches = await matchSearchesInWindow([...queries], { start, end: windowEnd, candidateIds: ids, amendedIds }, now);
        for (const query of queries) searchCache.set(key(start, query), matches.get(query) ?? new Set());
      }
    },
    searchMatches(start, query) {
      const found = searchCache.get(key(start, query));
      if (!found) throw new Error("digest context: prepareSearches() was not called for this query");
      return found;
    },
    recommendations(orgId, start) {
      const cacheKey = `${start.getTime()}|${orgId}`;
      let pending = recommendationCache.get(cacheKey);
      if (!pending) {
        pending = candidates(start)
          .then((found) => scenariosForVendor(orgId, { now, limit: RECOMMENDATION_LIMIT, within: [...found.keys()] }))
          .then((result) => (result.status === "ok" ? new Map(result.matches.map((m) => [m.item.id, m.explanation])) : null));
        recommendationCache.set(cacheKey, pending);
      }
      return pending;
    },
  };
}
