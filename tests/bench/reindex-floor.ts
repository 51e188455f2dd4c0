import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { INDEX_KEYS, type IndexKey } from "../../search/client.server";
import { REINDEX_BATCH_SIZE, TASK_POLL_MS, pagesOf, sendDocuments } from "../../search/reindex.server";
import { SETTINGS } from "../../search/settings";

/**
 * Meilisearch's own time for the documents a full reindex sends (scenarios, vendors, cases), the floor
 * the reindex is compared with: the documents are built and encoded as JSON first (not timed), then
 * sent to fresh indexes, one after the other, in the reindex's pages, and timed until the last task
 * finished — once with the app's settings, once with Meilisearch's defaults.
 *
 * Kept as encoded pages, not as objects: 130,000 documents held in the benchmark's heap cost every
 * later reindex in the same process seconds of garbage collection (a fifth more Node CPU measured),
 * which the reindex does not cost on its own.
 */
export type Payloads = { pages: Record<IndexKey, Buffer[]>; documents: number };

export async function buildPayloads(db: PrismaClient): Promise<Payloads> {
  const pages = {} as Payloads["pages"];
  let documents = 0;
  for (const key of INDEX_KEYS) {
    pages[key] = [];
    for await (const page of pagesOf(key, db, REINDEX_BATCH_SIZE)) {
      pages[key].push(Buffer.from(JSON.stringify(page)));
      documents += page.length;
    }
  }
  return { pages, documents };
}

export async function rawIndexSeconds(client: Meilisearch, payloads: Payloads, withAppSettings: boolean): Promise<number> {
  let total = 0;
  for (const key of INDEX_KEYS) {
    const uid = `bench_floor_${key}`;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
    await client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: 600_000 });
    if (withAppSettings) await client.index(uid).updateSettings(SETTINGS[key]).waitTask({ timeout: 600_000 });
    const started = performance.now();
    const tasks = [];
    // Sent as the reindex sends them, so the two differ only by reading, building and encoding the documents.
    for (const page of payloads.pages[key]) tasks.push(await sendDocuments(client, uid, page));
    for (const task of tasks) {
      // Polled like the reindex polls: the client adds a listener to one abort signal per poll for the whole wait.
      const done = await client.tasks.waitForTask(task.taskUid, { timeout: 3_600_000, interval: TASK_POLL_MS });
      if (done.status !== "succeeded") throw new Error(`raw indexing ${done.status}: ${done.error?.message ?? ""}`);
    }
    total += (performance.now() - started) / 1000;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
  }
  return Number(total.toFixed(1));
}
