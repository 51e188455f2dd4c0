import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../../app/server/embedded-postgres";
import { acquireInstanceLock } from "../../app/server/instance-lock";
import { prisma, tsx } from "../../app/server/run-command";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";
import { generateScenarios, generateVendors } from "./generate-scenarios";

/**
 * The 100k data set on embedded services, kept in a data folder between runs of a page benchmark:
 * generating it and indexing it take minutes, measuring the pages does not. The folder is rebuilt
 * when the size asked for changes; the index is rebuilt when what is indexed (documents, settings) changed.
 */
export type BenchData = { postgres: RunningPostgres; meili: RunningMeilisearch; url: string; counts: { scenarios: number; vendors: number }; reindexed: boolean };

const MASTER_KEY = "bench-master-key-0123456789";

function indexedShape(): string {
  const files = ["search/documents.ts", "search/settings.ts", "search/synonyms.json", "search/reindex.server.ts"];
  return crypto.createHash("sha256").update(files.map((f) => fs.readFileSync(f, "utf8")).join("\0")).digest("hex").slice(0, 16);
}

export async function benchData(dataDir: string, size: { scenarios: number; vendors: number }, log: (m: string) => void): Promise<BenchData> {
  // A second run on the same folder would stop this one's PostgreSQL and Meilisearch (they are
  // stopped through their pid files when started again), or delete its data: it stops with one line.
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireInstanceLock(dataDir, log, { who: "page benchmark", setting: "BENCH_DATA_DIR" });
  process.once("exit", () => lock.release());
  const markerFile = path.join(dataDir, "bench-data.json");
  const marker = fs.existsSync(markerFile) ? (JSON.parse(fs.readFileSync(markerFile, "utf8")) as { scenarios: number; vendors: number; shape?: string }) : undefined;
  const fresh = !marker || marker.scenarios !== size.scenarios || marker.vendors !== size.vendors;
  if (fresh) for (const entry of fs.readdirSync(dataDir)) if (path.join(dataDir, entry) !== lock.file) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true, testOnlyNoFsync: true });
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: MASTER_KEY });
  await postgres.createDatabase("bench");
  const url = postgres.urlFor("bench");
  process.env.DATABASE_URL = url;
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  await prisma(["migrate", "deploy"], url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (fresh) {
    log("generating the data set…");
    await tsx("prisma/seed.ts", { DATABASE_URL: url }, true);
    await generateScenarios(client, size.scenarios);
    await generateVendors(client, size.vendors);
    await client.query(`UPDATE "Scenario" SET "updatedAt" = now() - interval '1 day'`);
    await client.query(`UPDATE "Organisation" SET "updatedAt" = now() - interval '1 day'`);
  }
  await client.query("VACUUM ANALYZE");
  const row = (await client.query<{ s: string; v: string }>(`SELECT (SELECT count(*) FROM "Scenario")::text s, (SELECT count(*) FROM "Organisation" WHERE type IN ('vendor','institute'))::text v`)).rows[0]!;
  await client.end();
  const shape = indexedShape();
  const reindexed = fresh || marker?.shape !== shape;
  if (reindexed) {
    log("indexing…");
    const { db } = await import("../../app/utils/db.server");
    const { reindexAll } = await import("../../search/reindex.server");
    const started = performance.now();
    await reindexAll({ db, payloadLimit: meili.payloadLimit });
    log(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  fs.writeFileSync(markerFile, JSON.stringify({ ...size, shape }));
  return { postgres, meili, url, counts: { scenarios: Number(row.s), vendors: Number(row.v) }, reindexed };
}
