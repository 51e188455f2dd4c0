import type { EnqueuedTask, Meilisearch } from "meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { INDEX_KEYS, type IndexKey } from "../../search/client.server";
import { encodedChunks, requestBytes, sendDocuments, type EncodedChunk } from "../../search/document-requests.server";
import { REINDEX_BATCH_SIZE, TASK_POLL_MS, pagesOf } from "../../search/reindex.server";
import { SETTINGS } from "../../search/settings";

/**
 * Meilisearch's own time for the documents a full reindex sends (scenarios, vendors, cases), the floor
 * the reindex is compared with: the documents are built and encoded as JSON first (not timed), in the
 * chunks the reindex sends, then sent to fresh indexes, one index after the other — once with the
 * app's settings, once with Meilisearch's defaults.
 *
 * Kept as encoded bytes, not as objects: 130,000 documents held in the benchmark's heap cost every
 * later reindex in the same process seconds of garbage collection (a fifth more Node CPU measured),
 * which the reindex does not cost on its own.
 */
export type Payloads = { chunks: Record<IndexKey, EncodedChunk[]>; documents: number; payloadLimit: number };

export async function buildPayloads(db: PrismaClient, payloadLimit: number): Promise<Payloads> {
  const chunks = {} as Payloads["chunks"];
  let documents = 0;
  for (const key of INDEX_KEYS) {
    chunks[key] = [];
    for await (const chunk of encodedChunks(pagesOf(key, db, REINDEX_BATCH_SIZE))) {
      chunks[key].push(chunk);
      documents += chunk.documents;
    }
  }
  return { chunks, documents, payloadLimit };
}

async function* replay(chunks: EncodedChunk[]): AsyncGenerator<EncodedChunk> {
  yield* chunks;
}

/**
 * Meilisearch's time for each index's documents: from sending its bodies to the last of them indexed,
 * receiving included, as the issue defines the floor ("sending the same documents straight to
 * Meilisearch"). With the embedded Meilisearch's payload limit each index is one body, indexed in one
 * batch, the cheapest way Meilisearch has; the batches are printed to show it.
 */
export async function rawIndexSeconds(client: Meilisearch, payloads: Payloads, withAppSettings: boolean): Promise<number> {
  let total = 0;
  for (const key of INDEX_KEYS) {
    const uid = `bench_floor_${key}`;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
    await client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: 600_000 });
    if (withAppSettings) await client.index(uid).updateSettings(SETTINGS[key]).waitTask({ timeout: 600_000 });
    const started = performance.now();
    const tasks: EnqueuedTask[] = [];
    await sendDocuments(client, uid, replay(payloads.chunks[key]), ({ task }) => void tasks.push(task), requestBytes(payloads.payloadLimit));
    const batchUids = new Set<number | null>();
    for (const task of tasks) {
      // Polled like the reindex polls: the client adds a listener to one abort signal per poll for the whole wait.
      const done = await client.tasks.waitForTask(task.taskUid, { timeout: 3_600_000, interval: TASK_POLL_MS });
      if (done.status !== "succeeded") throw new Error(`raw indexing ${done.status}: ${done.error?.message ?? ""}`);
      batchUids.add(done.batchUid);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`[bench] floor ${key}${withAppSettings ? "" : " (defaults)"}: ${tasks.length} request(s) indexed in ${batchUids.size} batch(es), ${seconds.toFixed(1)} s`);
    total += seconds;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
  }
  return Number(total.toFixed(1));
}
