import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type Config } from "meilisearch";

/**
 * The one way the app reaches Meilisearch. Search pages, the sync worker, matching and the reindex
 * CLI all import `meili()` and `INDEXES` from here.
 *
 * Index names: the app always queries the stable names in INDEXES. A rebuild fills `<name>_new`
 * and swaps it with `<name>` (see reindex.server.ts), so these names never point at an empty index.
 * MEILI_INDEX_PREFIX lets several tenants or test files share one Meilisearch without colliding.
 */
export function indexPrefix(): string {
  return process.env.MEILI_INDEX_PREFIX ?? "";
}

export type IndexKey = "scenarios" | "vendors" | "cases";
export const INDEX_KEYS: readonly IndexKey[] = ["scenarios", "vendors", "cases"];

// Getters, not constants: the prefix is read when a name is used, so a test that sets the env var
// after importing this module still gets its own indexes.
export const INDEXES: Readonly<Record<IndexKey, string>> = {
  get scenarios() {
    return `${indexPrefix()}scenarios`;
  },
  get vendors() {
    return `${indexPrefix()}vendors`;
  },
  get cases() {
    return `${indexPrefix()}cases`;
  },
};

/** Requests fail after this long, so a dead Meilisearch degrades a page quickly instead of hanging it. */
export const DEFAULT_TIMEOUT_MS = 2000;

export class SearchNotConfiguredError extends Error {
  constructor() {
    super("MEILI_HOST is not set: search is unavailable");
    this.name = "SearchNotConfiguredError";
  }
}

export function meiliConnection(): { host: string; apiKey?: string } {
  // Read from process.env (not env()) so unit tests and CLIs without DATABASE_URL can still use search.
  const host = process.env.MEILI_HOST;
  if (!host) throw new SearchNotConfiguredError();
  return { host, apiKey: process.env.MEILI_MASTER_KEY || undefined };
}

export function createMeiliClient(options: { timeout?: number; host?: string; apiKey?: string } = {}): Meilisearch {
  const base = options.host ? { host: options.host, apiKey: options.apiKey } : meiliConnection();
  const config: Config = {
    ...base,
    // Without this, undici negotiates compressed responses and loopback searches take ~44 ms, not ~1 ms.
    requestInit: { headers: { "accept-encoding": "identity" } },
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
  };
  return new Meilisearch(config);
}

const cache = globalThis as unknown as { __jiebangMeili?: { key: string; client: Meilisearch } };

/** The shared client, rebuilt only when MEILI_HOST / MEILI_MASTER_KEY change (tests, restarts). */
export function meili(): Meilisearch {
  const { host, apiKey } = meiliConnection();
  const key = `${host}|${apiKey ?? ""}`;
  if (cache.__jiebangMeili?.key !== key) cache.__jiebangMeili = { key, client: createMeiliClient({ host, apiKey }) };
  return cache.__jiebangMeili.client;
}

/** Whether Meilisearch answers its health check within `timeoutMs`; never throws. */
export async function searchAvailable(timeoutMs = 1000): Promise<boolean> {
  try {
    const { host, apiKey } = meiliConnection();
    const client = createMeiliClient({ host, apiKey, timeout: timeoutMs });
    const health = await client.health();
    return health.status === "available";
  } catch {
    return false;
  }
}

/**
 * True when an error means "Meilisearch is unreachable or not configured" (fall back to the
 * database), false for an API error such as a malformed filter, which is a bug to surface.
 */
export function isSearchUnavailable(error: unknown): boolean {
  if (error instanceof SearchNotConfiguredError) return true;
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchApiError) {
    // 5xx and index_not_found (a fresh server before the first sync) also mean "use the fallback".
    return error.response.status >= 500 || error.cause?.code === "index_not_found";
  }
  return false;
}
