import { MeilisearchApiError, type MultiSearchQuery, type MultiSearchResponse, type SearchResponse } from "meilisearch";
import { DEFAULT_TIMEOUT_MS, meiliConnection } from "./client.server";
import { meiliPost } from "./meili-http.server";

/**
 * The searches pages send, over Node's own HTTP client (meili-http.server.ts), not the library's
 * `fetch`: a seventh of a search page's web CPU. Everything that is not a page's search or a
 * rebuild's documents (tasks, settings, the sync job's writes) keeps the library's client.
 *
 * Pages' searches that start in the same turn of the event loop go to Meilisearch as one request
 * (`together`): under load a web process reads several page requests at once, and one HTTP round
 * trip for all their queries costs both programs less than one each — fewer requests to write and
 * parse, and fewer switches between the web process and Meilisearch's threads on the same cores
 * (ADR 013, "searches that arrive together sent together"). Nothing waits for a later turn, so a
 * lone search is sent as soon as it would have been.
 */

/** At most this many callers share a request: Meilisearch runs one request's queries one after another. */
export const MAX_TOGETHER = 8;

type Caller = { queries: MultiSearchQuery[]; resolve: (results: SearchResponse[]) => void; reject: (error: unknown) => void };
type Batch = { connection: ReturnType<typeof meiliConnection>; timeoutMs: number; callers: Caller[] };

const waiting = new Map<string, Batch>();
let flushScheduled = false;

async function sendAlone(connection: Batch["connection"], queries: MultiSearchQuery[], timeoutMs: number): Promise<SearchResponse[]> {
  const answer = await meiliPost<MultiSearchResponse>(connection, "multi-search", { queries }, timeoutMs);
  return answer.results as SearchResponse[];
}

async function sendBatch({ connection, timeoutMs, callers }: Batch): Promise<void> {
  let results: SearchResponse[];
  try {
    results = await sendAlone(connection, callers.flatMap((c) => c.queries), timeoutMs);
  } catch (error) {
    // A refusal names one query, and Meilisearch refuses the whole request for it: each caller asks
    // again alone, so only the one whose query is refused sees the refusal. A search that could not
    // be answered at all (unreachable, timed out, a proxy's 5xx) fails every caller the same way.
    if (callers.length > 1 && error instanceof MeilisearchApiError && error.response.status < 500) {
      for (const c of callers) sendAlone(connection, c.queries, timeoutMs).then(c.resolve, c.reject);
    } else {
      for (const c of callers) c.reject(error);
    }
    return;
  }
  let at = 0;
  for (const c of callers) {
    c.resolve(results.slice(at, at + c.queries.length));
    at += c.queries.length;
  }
}

function flush() {
  flushScheduled = false;
  const batches = [...waiting.values()];
  waiting.clear();
  for (const batch of batches) {
    for (let from = 0; from < batch.callers.length; from += MAX_TOGETHER) {
      void sendBatch({ ...batch, callers: batch.callers.slice(from, from + MAX_TOGETHER) });
    }
  }
}

/**
 * One multi-search; its results in the order of the queries. `together`: the search may share its
 * request with others started in the same turn (a page's own searches); alone otherwise.
 */
export async function multiSearch<T extends Record<string, unknown>>(
  queries: MultiSearchQuery[], { timeoutMs = DEFAULT_TIMEOUT_MS, together = false }: { timeoutMs?: number; together?: boolean } = {},
): Promise<SearchResponse<T>[]> {
  const connection = meiliConnection();
  if (!together) return (await sendAlone(connection, queries, timeoutMs)) as SearchResponse<T>[];
  return new Promise<SearchResponse<T>[]>((resolve, reject) => {
    const key = `${connection.host}\n${connection.apiKey ?? ""}\n${timeoutMs}`;
    let batch = waiting.get(key);
    if (!batch) waiting.set(key, (batch = { connection, timeoutMs, callers: [] }));
    batch.callers.push({ queries, resolve: resolve as Caller["resolve"], reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  });
}
