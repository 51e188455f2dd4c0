import type { MultiSearchQuery } from "meilisearch";
import { db } from "../app/utils/db.server";
import { INDEXES } from "./client.server";
import { multiSearch } from "./multi-search.server";
import { scenarioWhere, withFallback } from "./db-fallback.server";
import { scenarioFilter } from "./scenario-search.server";
import { parseScenarioSearch } from "./search-params";

/**
 * Saved searches re-run over what is new. A digest does not search 100,000 listings per subscriber:
 * the database names the few hundred scenarios published or materially amended in the window (the
 * candidates), and each DISTINCT saved query runs once, as the search page runs it (same words,
 * synonyms, filters), restricted to those candidates by a filter; thousands of subscribers who saved
 * the same search share one query. The database stays the judge of what is in the window: hits are
 * intersected with the candidates, so a lagging index can add nothing old.
 */

export type DigestWindow = {
  start: Date;
  end: Date;
  /** Every candidate of the window (published or materially amended in it, still open). */
  candidateIds: readonly string[];
  /** The candidates that are in it for an amendment rather than their publication. */
  amendedIds: readonly string[];
};

// Queries per multi-search request: large enough to amortise the round trip, small enough to stream.
const CHUNK = 100;

// A digest run is a background job: it may wait for a busy Meilisearch far longer than a page (2 s)
// before falling back to the database, whose plain word match is a poorer answer.
const DIGEST_TIMEOUT_MS = 30_000;

function windowClause(window: DigestWindow): string {
  // Whole seconds in the index: widen by one on each side; the candidate check below is exact.
  const published = `(publishedAt >= ${Math.floor(window.start.getTime() / 1000)} AND publishedAt <= ${Math.ceil(window.end.getTime() / 1000)})`;
  if (window.amendedIds.length === 0) return published;
  return `${published} OR id IN [${window.amendedIds.map((id) => JSON.stringify(id)).join(", ")}]`;
}

async function fromIndex(queries: readonly string[], window: DigestWindow, now: Date): Promise<Map<string, Set<string>>> {
  const candidates = new Set(window.candidateIds);
  const clause = windowClause(window);
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < queries.length; i += CHUNK) {
    const chunk = queries.slice(i, i + CHUNK);
    const requests: MultiSearchQuery[] = chunk.map((query) => {
      const state = parseScenarioSearch(new URLSearchParams(query));
      return {
        indexUid: INDEXES.scenarios, q: state.q, filter: [...scenarioFilter(state, now), clause],
        limit: candidates.size, attributesToRetrieve: ["id"],
      };
    });
    const results = await multiSearch(requests, { timeoutMs: DIGEST_TIMEOUT_MS });
    chunk.forEach((query, j) => {
      const ids = (results[j]?.hits ?? []).map((hit) => String(hit.id)).filter((id) => candidates.has(id));
      out.set(query, new Set(ids));
    });
  }
  return out;
}

// Meilisearch down: the same filters and words as the search page's own fallback, over the candidates.
async function fromDatabase(queries: readonly string[], window: DigestWindow, now: Date): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const query of queries) {
    const state = parseScenarioSearch(new URLSearchParams(query));
    const rows = await db.scenario.findMany({
      where: { AND: [scenarioWhere(state, now), { id: { in: [...window.candidateIds] } }] },
      select: { id: true },
    });
    out.set(query, new Set(rows.map((r) => r.id)));
  }
  return out;
}

/** For each saved query (a search page URL query), the candidates of the window it finds. */
export async function matchSearchesInWindow(queries: readonly string[], window: DigestWindow, now = new Date()): Promise<Map<string, Set<string>>> {
  const distinct = [...new Set(queries)];
  if (distinct.length === 0) return new Map();
  if (window.candidateIds.length === 0) return new Map(distinct.map((q) => [q, new Set<string>()]));
  return withFallback("digest", () => fromIndex(distinct, window, now), () => fromDatabase(distinct, window, now));
}
