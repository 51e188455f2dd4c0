import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { inject } from "vitest";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";

/**
 * How long a test waits for a Meilisearch task. The run's test files share one Meilisearch, whose tasks
 * queue one after another across every index, so a task may wait behind others' reindexes; the
 * library's default of 5 s failed a run on a busy machine.
 */
export const TASK_WAIT = { timeout: 60_000 } as const;

/**
 * Points search at the run's shared Meilisearch (started in global-setup.ts) with an index prefix of
 * its own, so test files running in parallel never see each other's documents. Call it before
 * importing app modules, like useAppDatabase(). cleanup() deletes this file's indexes.
 */
export async function useSearch(): Promise<{ prefix: string; host: string; apiKey: string; cleanup(): Promise<void> }> {
  const host = inject("meiliHost");
  const apiKey = inject("meiliMasterKey");
  const prefix = `t${crypto.randomBytes(4).toString("hex")}_`;
  process.env.MEILI_HOST = host;
  process.env.MEILI_MASTER_KEY = apiKey;
  process.env.MEILI_INDEX_PREFIX = prefix;
  return {
    prefix,
    host,
    apiKey,
    cleanup: async () => {
      const { createMeiliClient } = await import("../../search/client.server");
      const client = createMeiliClient({ host, apiKey, timeout: 10_000 });
      const { results } = await client.getIndexes({ limit: 1000 });
      const mine = results.filter((index) => index.uid.startsWith(prefix));
      await Promise.all(mine.map((index) => client.deleteIndex(index.uid).waitTask(TASK_WAIT)));
    },
  };
}

/**
 * A Meilisearch of this test file's own, for tests that stop it (degradation) and must not take the
 * shared one down for everybody else. Sets MEILI_HOST / MEILI_MASTER_KEY to it.
 */
export async function startOwnMeilisearch(): Promise<RunningMeilisearch & { cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-meili-"));
  const running = await startEmbeddedMeilisearch({ dataDir, masterKey: crypto.randomBytes(24).toString("base64url") });
  process.env.MEILI_HOST = running.host;
  process.env.MEILI_MASTER_KEY = running.masterKey;
  return {
    ...running,
    cleanup: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
