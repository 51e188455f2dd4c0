import type { EnqueuedTask, Meilisearch, Task } from "meilisearch";
import type { PrismaClient } from "../app/generated/prisma/client";
import { INDEXES, INDEX_KEYS, createMeiliClient, type IndexKey } from "./client.server";
import { buildCaseDoc, buildScenarioDoc, buildVendorDoc } from "./documents";
import { encodedChunks, requestBytes, sendDocuments, type EncodedChunk } from "./document-requests.server";
import { SETTINGS } from "./settings";
import { changedSince, countSourcesOverDriver, loadCaseDeliveries, organisationPages, scenarioPages, vendorWhere } from "./sources.server";
import { applyWrites, plannedWrites } from "./sync.server";

/**
 * Zero-downtime rebuild. For each index, `<name>_new` is filled from the database with the current
 * settings, then all three are swapped with the live names in ONE swap task (atomic: a query sees the
 * old or the new contents, never an empty or half-built index), and the `_new` names, which now hold
 * the old contents, are deleted.
 *
 * Writes made while the rebuild runs are synced into the old index and would vanish with it, so a
 * catch-up pass re-syncs every row changed since the rebuild started (minus a margin for transactions
 * that were open when it began). One rebuild at a time: a second run deletes the first one's `_new`.
 */
export type ReindexProgress = { index: IndexKey; done: number; total: number };
export type ReindexSummary = {
  indexes: Record<IndexKey, { documents: number; database: number }>;
  caughtUp: number;
  ms: number;
};
export type ReindexOptions = {
  /** Made by createDb (or the process's own): the listings are scanned over a connection to its database. */
  db: Pick<PrismaClient, "scenario" | "organisation">;
  client?: Meilisearch;
  batchSize?: number;
  /**
   * How far before the start the catch-up looks for changed rows (default 10 s, for transactions open
   * when the rebuild began). The launcher passes 0: it indexes before any web or worker process runs,
   * so nothing else writes, and rows it has just seeded need not be indexed twice.
   */
  catchUpMarginMs?: number;
  /** The largest request body Meilisearch accepts, when known (the embedded one's); else payloadLimit(). */
  payloadLimit?: number;
  /** Awaited, so a caller (or a test) can act at a known point of the rebuild. */
  onProgress?: (progress: ReindexProgress) => void | Promise<void>;
};

/**
 * Rows read per page. A page of 1,000 listings (about 5 MB of text) is built and encoded while it is
 * still in V8's young generation, which the commands that rebuild (`npm start`, `npm run
 * search:reindex`) size at 64 MB a semi-space: pages of 5,000 outlived it and were copied into the old
 * generation, and building 100,000 listings took a sixth more CPU (ADR 013).
 */
export const REINDEX_BATCH_SIZE = 1000;
const TASK_TIMEOUT_MS = 30 * 60_000;
// A batch of 100k documents takes a minute: polling every 50 ms (the default) only adds requests.
export const TASK_POLL_MS = 250;
// Creating an empty index or setting its settings takes milliseconds: twelve of them, awaited in turn
// before the first document, would otherwise wait a 250 ms poll each.
const SETUP_POLL_MS = 10;
// App transactions last milliseconds; 10 s covers one that was open when the rebuild began.
const CATCH_UP_MARGIN_MS = 10_000;
const CATCH_UP_CHUNK = 1000;

export function rebuildName(key: IndexKey): string {
  return `${INDEXES[key]}_new`;
}

function assertSucceeded(task: Task): void {
  if (task.status !== "succeeded") throw new Error(`Meilisearch ${task.type} on ${task.indexUid ?? "-"} ${task.status}: ${task.error?.message ?? ""}`);
}

async function deleteIndexIfPresent(client: Meilisearch, uid: string): Promise<void> {
  const task = await client.deleteIndex(uid).waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status === "failed" && task.error?.code !== "index_not_found") assertSucceeded(task);
}

/** Every document of one index, in pages, as the rebuild sends them (the benchmark's floor uses them too). */
export function pagesOf(key: IndexKey, db: ReindexOptions["db"], size: number): AsyncGenerator<object[]> {
  async function* map<T>(pages: AsyncGenerator<T[]>, build: (row: T) => object) {
    for await (const rows of pages) yield rows.map(build);
  }
  if (key === "scenarios") return map(scenarioPages(db, "scenarios", size), buildScenarioDoc);
  if (key === "vendors") return map(organisationPages(db, vendorWhere(), size), buildVendorDoc);
  return casePages(db, size);
}

/** Cases: each page of completed scenarios with the delivery that made it a case. */
async function* casePages(db: ReindexOptions["db"], size: number): AsyncGenerator<object[]> {
  for await (const rows of scenarioPages(db, "cases", size)) {
    const deliveries = await loadCaseDeliveries(db, rows.map((r) => r.id));
    yield rows.map((row) => buildCaseDoc(row, deliveries.get(row.id)));
  }
}

/**
 * Meilisearch's tasks, awaited in the order they were sent while more are sent. Meilisearch runs an
 * index's tasks in that order too, so nothing waits here for one task before sending the next.
 */
function taskQueue(client: Meilisearch, pollMs = TASK_POLL_MS) {
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    get failure() {
      return failure;
    },
    /** Resolves once Meilisearch has enqueued the task (one at a time, so it enqueues them in this order). */
    async send(task: EnqueuedTask | Promise<EnqueuedTask>, then?: () => void | Promise<void>, allowedError?: string): Promise<void> {
      let sent: EnqueuedTask;
      try {
        sent = await task;
      } catch (error) {
        failure ??= error;
        return;
      }
      chain = chain.then(async () => {
        if (failure) return;
        const done = await client.tasks.waitForTask(sent, { timeout: TASK_TIMEOUT_MS, interval: pollMs });
        if (done.status !== "failed" || done.error?.code !== allowedError) assertSucceeded(done);
        await then?.();
      }).catch((error: unknown) => {
        failure ??= error;
      });
    },
    /** Runs `then` once every task sent so far has finished. */
    after(then: () => void | Promise<void>): void {
      chain = chain.then(async () => {
        if (!failure) await then();
      }).catch((error: unknown) => {
        failure ??= error;
      });
    },
    async drained(): Promise<void> {
      await chain;
      if (failure) throw failure;
    },
  };
}

/**
 * Every `<name>_new` and its settings, while they are empty (instant), before any document: settings
 * sent between two indexes' documents were batched with the documents and made that batch slower.
 */
async function createRebuildIndexes(client: Meilisearch): Promise<void> {
  const setup = taskQueue(client, SETUP_POLL_MS);
  for (const key of INDEX_KEYS) {
    const uid = rebuildName(key);
    await setup.send(client.deleteIndex(uid), undefined, "index_not_found"); // leftover of a crashed run
    await setup.send(client.createIndex(uid, { primaryKey: "id" }));
    await setup.send(client.index(uid).updateSettings(SETTINGS[key]));
    // First run: the live name must exist to be swapped with.
    await setup.send(client.createIndex(INDEXES[key], { primaryKey: "id" }), undefined, "index_already_exists");
  }
  await setup.drained();
}

/** The chunks, and at their end a wait for `ready`: a body may start before its index is set up, not end. */
async function* endingAfter(ready: Promise<void>, chunks: AsyncIterable<EncodedChunk>): AsyncGenerator<EncodedChunk> {
  yield* chunks;
  await ready;
}

/**
 * Fills every `<name>_new` from the database. An index's documents are streamed to Meilisearch as
 * they are built, in one body where Meilisearch accepts one that large, without waiting for it to
 * index the ones before; the next index is read while Meilisearch is still indexing the previous one
 * (Meilisearch keeps enqueued bodies on its disk). Meilisearch indexes everything enqueued for an
 * index while it was busy as one batch; many small batches each redo index-wide work (word prefixes,
 * facets), which cost more than building the documents (ADR 013). Progress is reported as
 * Meilisearch finishes each body, index by index, largest first.
 */
async function fillAll(client: Meilisearch, options: ReindexOptions, totals: Record<IndexKey, number>): Promise<void> {
  const size = options.batchSize ?? REINDEX_BATCH_SIZE;
  const bodyBytes = requestBytes(options.payloadLimit);
  // The first documents are read and built while Meilisearch sets the indexes up (twelve tasks, 1.4 s);
  // their body ends after the setup. The no-op catch keeps a failed setup from counting as unhandled
  // before it is awaited.
  const indexesReady = createRebuildIndexes(client);
  indexesReady.catch(() => {});
  const queue = taskQueue(client);
  // Largest first: Meilisearch starts on an index only once its one body has arrived, and the listings
  // take four fifths of its time. Built first, while Meilisearch has nothing else to do, they reached it
  // 8 s after the start instead of 16 s; the smaller indexes are read while it indexes them (ADR 013).
  for (const key of [...INDEX_KEYS].sort((a, b) => totals[b] - totals[a])) {
    if (queue.failure) break;
    const total = totals[key];
    let done = 0;
    queue.after(() => options.onProgress?.({ index: key, done: 0, total }));
    const chunks = endingAfter(indexesReady, encodedChunks(pagesOf(key, options.db, size)));
    await sendDocuments(client, rebuildName(key), chunks, ({ task, documents }) =>
      queue.send(task, () => {
        done += documents;
        return options.onProgress?.({ index: key, done, total });
      }), bodyBytes);
  }
  await indexesReady;
  await queue.drained();
}

export async function reindexAll(options: ReindexOptions): Promise<ReindexSummary> {
  const started = Date.now();
  // Long timeouts: a 5,000-document batch or a settings change on a big index takes more than the app's 2 s.
  const client = options.client ?? createMeiliClient({ timeout: 120_000 });
  await fillAll(client, options, await countSourcesOverDriver(options.db));

  const swap = await client
    .swapIndexes(INDEX_KEYS.map((key) => ({ indexes: [INDEXES[key], rebuildName(key)] as [string, string], rename: false })))
    .waitTask({ timeout: TASK_TIMEOUT_MS });
  assertSucceeded(swap);
  // The `_new` names now hold the old contents: all three deletions are sent before any is awaited,
  // and the database is asked for the rows changed meanwhile while Meilisearch deletes them (any
  // catch-up write is queued behind the deletions, on other indexes).
  const [changed] = await Promise.all([
    changedSince(options.db, new Date(started - (options.catchUpMarginMs ?? CATCH_UP_MARGIN_MS))),
    ...INDEX_KEYS.map((key) => deleteIndexIfPresent(client, rebuildName(key))),
  ]);
  const jobs = [
    ...changed.scenarios.map((id) => ({ kind: "scenario" as const, id })),
    ...changed.organisations.map((id) => ({ kind: "organisation" as const, id })),
  ];
  // Chunked: Postgres caps bind parameters, and a fresh bulk load may have changed every row.
  for (let i = 0; i < jobs.length; i += CATCH_UP_CHUNK) {
    await applyWrites(client, await plannedWrites(options.db, jobs.slice(i, i + CATCH_UP_CHUNK)));
  }

  // Counted again after the catch-up, so the summary compares like with like.
  const [database, stats] = await Promise.all([
    countSourcesOverDriver(options.db),
    Promise.all(INDEX_KEYS.map((key) => client.index(INDEXES[key]).getStats())),
  ]);
  const indexes = {} as ReindexSummary["indexes"];
  INDEX_KEYS.forEach((key, i) => {
    indexes[key] = { documents: stats[i]!.numberOfDocuments, database: database[key] };
  });
  return { indexes, caughtUp: jobs.length, ms: Date.now() - started };
}
