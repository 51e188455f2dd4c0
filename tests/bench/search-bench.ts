import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import pg from "pg";
import { startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import { freePort, waitFor } from "../../app/server/free-port";
import { prisma, tsx } from "../../app/server/run-command";
import { WEB_BUNDLE, buildIfNeeded } from "../../app/server/build-if-needed";
import { startEmbeddedMeilisearch } from "../../search/embedded-meilisearch";
import { generateScenarios, generateVendors } from "./generate-scenarios";
import { searchQueries } from "./search-queries";
import { median, percentile, printTable } from "./stats";
import type { Payloads } from "./reindex-floor";

// `npm run bench:search`: 100,000 scenarios and 20,000 vendor profiles on the embedded services,
// the full reindex timed, then 200 fixed searches measured as raw Meilisearch calls and as the app's
// search page over HTTP with 20 concurrent clients, in one run. Not a test: it prints and writes figures.
const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 100_000);
const VENDORS = Number(process.env.BENCH_VENDORS ?? 20_000);
const CONCURRENCY = 20;
const ROUNDS = Number(process.env.BENCH_REINDEX_ROUNDS ?? 3);
const dataDir = path.resolve(".data-bench");

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function runPool(items: string[], worker: (item: string) => Promise<number>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) latencies.push(await worker(items[next++]!));
  }));
  return latencies;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true, testOnlyNoFsync: true });
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: "bench-master-key-0123456789" });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  let web: import("node:child_process").ChildProcess | undefined;
  try {
    await postgres.createDatabase("bench");
    const url = postgres.urlFor("bench");
    process.env.DATABASE_URL = url;
    await prisma(["migrate", "deploy"], url);
    await tsx("prisma/seed.ts", { DATABASE_URL: url }, true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const [, generateMs] = await timed(async () => {
      await generateScenarios(client, SCENARIOS);
      await generateVendors(client, VENDORS);
      // Existing data, not fresh writes: otherwise the reindex's catch-up pass would sync it all twice.
      await client.query(`UPDATE "Scenario" SET "updatedAt" = now() - interval '1 day'`);
      await client.query(`UPDATE "Organisation" SET "updatedAt" = now() - interval '1 day'`);
      // Statistics, as a database that has lived with its rows has (autovacuum would gather them soon).
      await client.query("VACUUM ANALYZE");
      // Written out now, so the first timed round does not pay for the generated rows' checkpoint, nor
      // (the benchmark's PostgreSQL does not fsync) for the host writing them to disk behind it.
      await client.query("CHECKPOINT");
      execFileSync("sync");
    });
    const counts = (await client.query<{ s: string; v: string }>(`SELECT (SELECT count(*) FROM "Scenario")::text s, (SELECT count(*) FROM "Organisation" WHERE type IN ('vendor','institute'))::text v`)).rows[0]!;
    await client.end();
    console.log(`[bench] ${counts.s} scenarios, ${counts.v} vendor profiles in the database (generated in ${(generateMs / 1000).toFixed(1)} s)`);

    const { db } = await import("../../app/utils/db.server");
    const { reindexAll } = await import("../../search/reindex.server");
    const { createMeiliClient, INDEXES } = await import("../../search/client.server");
    // The reindex against its floor (Meilisearch alone on the same request bodies, built and encoded beforehand), in
    // rounds of one each, the order alternating: on a shared machine one pair moved by a fifth between
    // runs, so the ratio reported is the median of the rounds' own ratios.
    const { buildPayloads, rawIndexSeconds } = await import("./reindex-floor");
    const floorClient = createMeiliClient({ timeout: 600_000 });
    const reindexSeconds = async () => {
      const [summary, ms] = await timed(() => reindexAll({ db, payloadLimit: meili.payloadLimit }));
      console.log(`[bench] full reindex: ${(ms / 1000).toFixed(1)} s`, JSON.stringify(summary.indexes));
      return Number((ms / 1000).toFixed(1));
    };
    let payloads: Payloads | undefined;
    const rounds: { reindex: number; floor: number; ratio: number; loadAverage: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const floorFirst = round % 2 === 1;
      let reindex = floorFirst ? 0 : await reindexSeconds();
      payloads ??= await buildPayloads(db, meili.payloadLimit);
      const floor = await rawIndexSeconds(floorClient, payloads, true);
      if (floorFirst) reindex = await reindexSeconds();
      rounds.push({ reindex, floor, ratio: Number((reindex / floor).toFixed(2)), loadAverage: Number(os.loadavg()[0]!.toFixed(2)) });
      console.log(`[bench] round ${round + 1}: reindex ${reindex} s, floor with the app's settings ${floor} s, ratio ${rounds.at(-1)!.ratio}`);
    }
    const documents = payloads!.documents;
    const floorAppSettings = median(rounds.map((r) => r.floor));
    const floorDefaults = await rawIndexSeconds(floorClient, payloads!, false);
    console.log(`[bench] raw Meilisearch, the same ${documents} documents, with the defaults: ${floorDefaults} s`);

    // (a) the raw Meilisearch call behind each search: same query, filters, facets, highlighting.
    const { parseScenarioSearch } = await import("../../search/search-params");
    const { scenarioFilter } = await import("../../search/scenario-search.server");
    const meiliClient = createMeiliClient({ timeout: 30_000 });
    const queries = searchQueries();
    const now = new Date();
    const raw = await runPool(queries, async (query) => {
      const state = parseScenarioSearch(new URLSearchParams(query));
      const [, ms] = await timed(() => meiliClient.index(INDEXES.scenarios).search(state.q, {
        filter: scenarioFilter(state, now), facets: ["sector", "district", "mechanism", "status", "departmentId", "budgetBand", "techTags"],
        hitsPerPage: 20, page: 1, attributesToHighlight: ["title", "summary"],
      }));
      return ms;
    });

    // (b) the app's search page, rendered by the production build over HTTP.
    await buildIfNeeded();
    const port = await freePort();
    web = (await import("node:child_process")).fork(WEB_BUNDLE, [], {
      execArgv: [], stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: url },
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok, 60_000, "the web server");
    for (const q of queries.slice(0, 20)) await fetch(`http://127.0.0.1:${port}/scenarios?${q}`).then((r) => r.text()); // warm-up
    const http = await runPool(queries, async (query) => {
      const [, ms] = await timed(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/scenarios?${query}`);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${query}`);
        await response.text();
      });
      return ms;
    });

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      data: { scenarios: Number(counts.s), vendors: Number(counts.v) },
      reindexSeconds: median(rounds.map((r) => r.reindex)),
      rawFloorSeconds: { appSettings: floorAppSettings, defaults: floorDefaults, documents },
      reindexOverFloor: median(rounds.map((r) => r.ratio)),
      reindexRounds: rounds,
      appSettingsOverDefaults: Number((floorAppSettings / floorDefaults).toFixed(2)),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      queries: queries.length,
      concurrency: CONCURRENCY,
      rawMeilisearchMs: { median: percentile(raw, 50), p95: percentile(raw, 95) },
      appHttpMs: { median: percentile(http, 50), p95: percentile(http, 95) },
      ratioMedian: Number((percentile(http, 50) / percentile(raw, 50)).toFixed(2)),
      ratioP95: Number((percentile(http, 95) / percentile(raw, 95)).toFixed(2)),
    };
    printTable(result);
    const out = path.resolve("tests", "bench", "results", "search.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(`[bench] written to ${path.relative(process.cwd(), out)}`);
    await db.$disconnect();
  } finally {
    web?.kill("SIGTERM");
    await meili.stop();
    await postgres.stop();
  }
}

await main();
