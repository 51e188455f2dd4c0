import fs from "node:fs";
import path from "node:path";
import { createDb } from "../app/utils/db.server";
import { localDatabase, readRuntime, type LocalDatabase } from "../app/server/local-database";
import { createMeiliClient, INDEX_KEYS } from "./client.server";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "./embedded-meilisearch";
import { progressBar } from "./progress-bar";
import { reindexAll } from "./reindex.server";

// `npm run search:reindex`: works with no environment, like `npm run db:migrate`. Services are found
// in this order: DATABASE_URL / MEILI_HOST, then a running `npm start` (DATA_DIR/runtime.json), then
// the embedded servers under DATA_DIR, started just for this run.
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

async function meiliReachable(host: string): Promise<boolean> {
  return fetch(`${host}/health`, { signal: AbortSignal.timeout(1500) }).then((r) => r.ok, () => false);
}

function masterKey(): string {
  const file = path.join(dataDir, "meili-master-key");
  if (!fs.existsSync(file)) throw new Error(`no MEILI_MASTER_KEY and no ${file}: run \`npm start\` once first`);
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  let postgres: LocalDatabase | undefined;
  let meili: RunningMeilisearch | undefined;
  const found = readRuntime(dataDir);
  try {
    postgres = await localDatabase(dataDir);
    const databaseUrl = postgres.url;
    let host = process.env.MEILI_HOST;
    let apiKey = process.env.MEILI_MASTER_KEY;
    if (!host && found.meiliHost && (await meiliReachable(found.meiliHost))) {
      host = found.meiliHost;
      apiKey = masterKey();
    }
    if (!host) {
      meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: masterKey() });
      ({ host, masterKey: apiKey } = meili);
    }

    const db = createDb(databaseUrl);
    const bar = progressBar();
    try {
      const summary = await reindexAll({
        db,
        client: createMeiliClient({ host, apiKey, timeout: 120_000 }),
        payloadLimit: meili?.payloadLimit,
        onProgress: ({ index, done, total }) => bar.update(index, done, total),
      });
      console.log(`reindexed in ${(summary.ms / 1000).toFixed(1)} s (${summary.caughtUp} rows changed meanwhile re-synced)`);
      for (const key of INDEX_KEYS) {
        const { documents, database } = summary.indexes[key];
        console.log(`  ${key.padEnd(10)} ${String(documents).padStart(7)} documents  (database: ${database})${documents === database ? "" : "  MISMATCH"}`);
      }
      if (INDEX_KEYS.some((k) => summary.indexes[k].documents !== summary.indexes[k].database)) process.exitCode = 1;
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    console.error("search:reindex failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await meili?.stop();
    await postgres?.stop();
  }
}

await main();
