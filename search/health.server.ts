import type { PrismaClient } from "../app/generated/prisma/client";
import { QUEUES, hasJobTable } from "../app/utils/jobs.server";
import { INDEXES, INDEX_KEYS, createMeiliClient, type IndexKey } from "./client.server";
import { indexShape } from "./index-shape.server";
import { countSources } from "./sources.server";

/**
 * Index health for the admin page: is Meilisearch reachable, does each index hold as many documents
 * as the database has searchable rows, were its documents written by this release (an older release's
 * leave some counts empty until a reindex), and how is the sync queue doing (pending, failed, last error).
 */
export type IndexHealth = { key: IndexKey; uid: string; documents: number | null; database: number; indexing: boolean };
export type SyncJobCounts = { pending: number; active: number; retrying: number; failed: number; completed: number };
export type LastSyncError = { at: Date; message: string; state: string; data: unknown };
export type SearchHealth = {
  reachable: boolean;
  version: string | null;
  error: string | null;
  /** Whether the listings were written by this release's documents; null when Meilisearch did not say. */
  shape: "current" | "stale" | "empty" | null;
  indexes: IndexHealth[];
  jobs: SyncJobCounts;
  lastError: LastSyncError | null;
};

type Db = Pick<PrismaClient, "scenario" | "organisation" | "$queryRaw" | "$queryRawUnsafe">;

/** Counts of search-sync jobs by pg-boss state (the `pgboss.job` table holds all of them until archived). */
export async function syncJobCounts(db: Db): Promise<SyncJobCounts> {
  const rows = await db.$queryRaw<{ state: string; n: number }[]>`
    SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.searchSync} GROUP BY state`;
  return jobCounts(rows);
}

function jobCounts(rows: { state: string; n: number }[]): SyncJobCounts {
  const by = Object.fromEntries(rows.map((r) => [r.state, r.n])) as Record<string, number | undefined>;
  return {
    pending: by.created ?? 0,
    active: by.active ?? 0,
    retrying: by.retry ?? 0,
    failed: by.failed ?? 0,
    completed: by.completed ?? 0,
  };
}

function messageOf(output: unknown): string {
  if (output && typeof output === "object") {
    const o = output as { message?: unknown; value?: { message?: unknown } | unknown };
    if (typeof o.message === "string") return o.message;
    if (o.value && typeof o.value === "object" && typeof (o.value as { message?: unknown }).message === "string") {
      return (o.value as { message: string }).message;
    }
    if (typeof o.value === "string") return o.value;
  }
  return JSON.stringify(output);
}

/** The latest failure: a job waiting to retry carries its last error too, so both states count. */
export async function lastSyncError(db: Db): Promise<LastSyncError | null> {
  const rows = await db.$queryRaw<{ at: Date; output: unknown; state: string; data: unknown }[]>`
    SELECT coalesce(completed_on, started_on, created_on) AS at, output, state::text AS state, data
    FROM pgboss.job
    WHERE name = ${QUEUES.searchSync} AND state IN ('failed', 'retry') AND output IS NOT NULL
    ORDER BY coalesce(completed_on, started_on, created_on) DESC
    LIMIT 1`;
  const row = rows[0];
  return row ? { at: row.at, message: messageOf(row.output).slice(0, 2000), state: row.state, data: row.data } : null;
}

export async function searchHealth(db: Db): Promise<SearchHealth> {
  const jobTable = await hasJobTable(db);
  const [database, jobs, lastError] = await Promise.all([
    countSources(db),
    jobTable ? syncJobCounts(db) : jobCounts([]),
    jobTable ? lastSyncError(db) : null,
  ]);
  const unreachable = (error: unknown): SearchHealth => ({
    reachable: false,
    version: null,
    error: error instanceof Error ? error.message : String(error),
    shape: null,
    indexes: INDEX_KEYS.map((key) => ({ key, uid: INDEXES[key], documents: null, database: database[key], indexing: false })),
    jobs,
    lastError,
  });
  try {
    // A short timeout: the page must render promptly when Meilisearch is down.
    const client = createMeiliClient({ timeout: 1500 });
    const [version, stats, shape] = await Promise.all([client.getVersion(), client.getStats(), indexShape(client).catch(() => null)]);
    return {
      reachable: true,
      version: version.pkgVersion,
      error: null,
      shape,
      indexes: INDEX_KEYS.map((key) => {
        const s = stats.indexes[INDEXES[key]];
        return { key, uid: INDEXES[key], documents: s?.numberOfDocuments ?? null, database: database[key], indexing: s?.isIndexing ?? false };
      }),
      jobs,
      lastError,
    };
  } catch (error) {
    return unreachable(error);
  }
}
