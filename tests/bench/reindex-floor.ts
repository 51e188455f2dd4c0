import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { INDEX_KEYS, type IndexKey } from "../../search/client.server";
import { TASK_POLL_MS, pagesOf } from "../../search/reindex.server";
import { SETTINGS } from "../../search/settings";

/**
 * Meilisearch's own time for the documents a full reindex sends (scenarios, vendors, cases), the floor
 * the reindex is compared with: the documents are built first (not timed), then sent to fresh indexes,
 * one after the other, in 5,000-document batches and timed until the last task finished — once with the
 * app's settings, once with Meilisearch's defaults.
 */
export type Docs = Record<IndexKey, object[]>;

export async function buildDocs(db: PrismaClient): Promise<Docs> {
  const docs = {} as Docs;
  for (const key of INDEX_KEYS) {
    docs[key] = [];
    for await (const page of pagesOf(key, db, 5000)) docs[key].push(...page);
  }
  return docs;
}

export async function rawIndexSeconds(client: Meilisearch, docs: Docs, withAppSettings: boolean): Promise<number> {
  let total = 0;
  for (const key of INDEX_KEYS) {
    const uid = `bench_floor_${key}`;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
    await client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: 600_000 });
    if (withAppSettings) await client.index(uid).updateSettings(SETTINGS[key]).waitTask({ timeout: 600_000 });
    const started = performance.now();
    const tasks = [];
    for (let i = 0; i < docs[key].length; i += 5000) tasks.push(await client.index(uid).addDocuments(docs[key].slice(i, i + 5000)));
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
