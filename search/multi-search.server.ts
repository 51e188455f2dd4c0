import type { MultiSearchQuery, MultiSearchResponse, SearchResponse } from "meilisearch";
import { DEFAULT_TIMEOUT_MS, meiliConnection } from "./client.server";
import { meiliPost } from "./meili-http.server";

/**
 * The searches pages send, over Node's own HTTP client (meili-http.server.ts), not the library's
 * `fetch`: a seventh of a search page's web CPU. Everything that is not a page's search or a
 * rebuild's documents (tasks, settings, the sync job's writes) keeps the library's client.
 */

/** One multi-search request; its results in the order of the queries. */
export async function multiSearch<T extends Record<string, unknown>>(
  queries: MultiSearchQuery[], { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<SearchResponse<T>[]> {
  const answer = await meiliPost<MultiSearchResponse<T>>(meiliConnection(), "multi-search", { queries }, timeoutMs);
  return answer.results as SearchResponse<T>[];
}
