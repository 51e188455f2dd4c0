import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import { prisma, tsx } from "../../app/server/run-command";
import { startEmbeddedMeilisearch } from "../../search/embedded-meilisearch";
import { generateScenarios } from "./generate-scenarios";
import { generateSubscribers } from "./digest-subscribers";

// `npm run bench:digest`: 10,000 subscribers with 1–3 saved searches each over 100,000 scenarios, 500
// of them published since the subscribers' last digest, on the embedded services. Times the daily
// digest run as the worker does it — build every digest (distinct saved queries on Meilisearch,
// render in the reader's language), record it, queue the mails in batches — and the batch worker
// handing them to a fake Resend over HTTP through the SDK's batch call, until the last is sent.
// Not a test: it prints the figures and writes them to tests/bench/results/digest.json.
// BENCH_SCENARIOS, BENCH_SUBSCRIBERS and BENCH_NEW change the sizes; BENCH_PAGE the subscribers per
// page; BENCH_HEAP_MB caps the run's JS heap (V8 collects lazily while memory is plentiful, so the
// default peak shows garbage as well as live data).
const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 100_000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const NEW_SCENARIOS = Number(process.env.BENCH_NEW ?? 500);
const dataDir = path.resolve(".data-bench-digest");

type FakeStats = { deliveries: number; recipients: number; batchRequests: number; failed: number };
type RunReport = {
  summary: Awaited<ReturnType<typeof import("../../app/modules/digests/digest-run.server")["runDigestPeriod"]>>;
  buildMs: number; totalMs: number; peakRss: number; peakHeap: number;
};

function startFake(): Promise<{ child: ChildProcess; url: string; stats(): Promise<FakeStats> }> {
  const child = fork("tests/bench/fake-resend-process.ts", [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: { type: string; url: string }) => {
      resolve({
        child,
        url: message.url,
        stats: () => new Promise((done) => {
          child.once("message", (m: FakeStats & { type: string }) => done(m));
          child.send({ type: "stats" });
        }),
      });
    });
  });
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true, testOnlyNoFsync: true });
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: "bench-master-key-0123456789" });
  const fake = await startFake();
  try {
    await postgres.createDatabase("bench");
    const url = postgres.urlFor("bench");
    Object.assign(process.env, {
      DATABASE_URL: url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, RESEND_API_KEY: "re_bench", RESEND_BASE_URL: fake.url,
      APP_URL: "https://jiebang.example.cn", NODE_ENV: "production",
    });
    await prisma(["migrate", "deploy"], url);
    await tsx("prisma/seed.ts", { DATABASE_URL: url }, true);

    const { latestPeriod, windowEndOf, PERIOD_MS } = await import("../../app/modules/digests/digest-periods");
    const now = new Date();
    const period = latestPeriod("daily", now);
    const windowEnd = windowEndOf(period);
    const windowStart = new Date(windowEnd.getTime() - PERIOD_MS.daily);
    const previous = latestPeriod("daily", new Date(period.dueAt.getTime() - 60_000));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const generateStarted = performance.now();
    await generateScenarios(client, SCENARIOS);
    // Everything older than the window, open listings still open; then 500 of them published inside it.
    await client.query(`UPDATE "Scenario" SET "publishedAt" = LEAST("publishedAt", ($1::timestamptz AT TIME ZONE 'UTC') - interval '1 hour'), "updatedAt" = now() - interval '1 day'`, [windowStart.toISOString()]);
    await client.query(`
      UPDATE "Scenario" s SET "publishedAt" = ($1::timestamptz AT TIME ZONE 'UTC') + (v.k * ($2::float8 / $3::int)) * interval '1 millisecond',
        deadline = now() + interval '30 days', status = 'published'
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM (SELECT id FROM "Scenario" WHERE code LIKE 'BM-%' ORDER BY md5(id) LIMIT $3) picked) v
      WHERE s.id = v.id`, [windowStart.toISOString(), windowEnd.getTime() - windowStart.getTime() - 1000, NEW_SCENARIOS]);
    const subscribers = await generateSubscribers(client, {
      count: SUBSCRIBERS, previousPeriod: previous.key, previousWindowEnd: windowStart, searchesPerUser: (i) => 1 + (i % 3),
    });
    const counts = (await client.query<{ s: string; n: string }>(`
      SELECT (SELECT count(*) FROM "Scenario")::text s,
             (SELECT count(*) FROM "Scenario" WHERE status = 'published' AND deadline > now() AT TIME ZONE 'UTC'
                AND "publishedAt" > $1::timestamptz AT TIME ZONE 'UTC' AND "publishedAt" <= $2::timestamptz AT TIME ZONE 'UTC')::text n`,
      [windowStart.toISOString(), windowEnd.toISOString()])).rows[0]!;
    await client.end();
    console.log(`[bench] ${counts.s} scenarios (${counts.n} new in the window), ${SUBSCRIBERS} subscribers with ${subscribers.searches} saved searches `
      + `(${subscribers.distinctQueries} distinct), generated in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`);

    const { db } = await import("../../app/utils/db.server");
    const { reindexAll } = await import("../../search/reindex.server");
    const { createMeiliClient } = await import("../../search/client.server");
    const reindexStarted = performance.now();
    await reindexAll({ db, client: createMeiliClient({ timeout: 600_000 }) });
    console.log(`[bench] search index built in ${((performance.now() - reindexStarted) / 1000).toFixed(1)} s`);

    const loadBefore = os.loadavg();
    const run = await new Promise<RunReport>((resolve, reject) => {
      // BENCH_HEAP_MB caps the run's JS heap (e.g. 256), to show how much of the peak is live data.
      const execArgv = ["--import", "tsx", ...(process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_HEAP_MB}`] : [])];
      const child = fork("tests/bench/digest-bench-run.ts", [period.key, now.toISOString()], { execArgv, env: process.env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child.once("message", (m: RunReport) => resolve(m));
      child.once("exit", (code) => (code ? reject(new Error(`the digest run exited with ${code}`)) : undefined));
    });
    const loadAfter = os.loadavg();
    const { summary } = run;
    const totalMs = run.totalMs;
    const builtMs = run.buildMs;
    const peakRss = run.peakRss;
    const fakeStats = await fake.stats();
    const [sent, dead] = await Promise.all([
      db.mail.count({ where: { template: "digest", status: "sent" } }),
      db.mail.count({ where: { template: "digest", status: { in: ["dead", "failed"] } } }),
    ]);

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))), loadAverageAfter: loadAfter.map((l) => Number(l.toFixed(2))) },
      data: { scenarios: Number(counts.s), newInWindow: Number(counts.n), subscribers: SUBSCRIBERS, savedSearches: subscribers.searches, distinctQueries: subscribers.distinctQueries },
      totalSeconds: Number((totalMs / 1000).toFixed(2)),
      buildAndQueueSeconds: Number((builtMs / 1000).toFixed(2)),
      secondsPer1000Subscribers: Number((totalMs / 1000 / (SUBSCRIBERS / 1000)).toFixed(2)),
      // Of the process that ran the digests and the batch worker (a fresh one, like a worker).
      peakMemoryMB: Math.round(peakRss / 1024 / 1024),
      peakHeapUsedMB: Math.round(run.peakHeap / 1024 / 1024),
      mails: { built: summary.mails, empty: summary.empty, sent, deadOrFailed: dead },
      buildPhasesMs: summary.phases,
      fakeResend: fakeStats,
    };
    console.log("");
    console.log(`Digest benchmark — ${SUBSCRIBERS} subscribers, ${subscribers.searches} saved searches, ${counts.s} scenarios (${counts.n} new)`);
    console.log("| measure | value |");
    console.log("|---|---|");
    console.log(`| total (build, record, queue, send) | ${result.totalSeconds} s |`);
    console.log(`| of which build + record + queue | ${result.buildAndQueueSeconds} s |`);
    console.log(`| per 1,000 subscribers | ${result.secondsPer1000Subscribers} s |`);
    console.log(`| peak memory (RSS; JS heap in use) | ${result.peakMemoryMB} MB; ${result.peakHeapUsedMB} MB |`);
    console.log(`| mails | ${sent} sent, ${summary.empty} empty digests skipped, ${dead} dead |`);
    console.log(`| at the fake Resend | ${fakeStats.deliveries} deliveries to ${fakeStats.recipients} recipients in ${fakeStats.batchRequests} batch requests |`);
    console.log(`| phases of the build (ms) | ${Object.entries(summary.phases).map(([k, v]) => `${k} ${v}`).join(", ")} |`);
    console.log(`| load average before / after | ${result.machine.loadAverageBefore.join(" ")} / ${result.machine.loadAverageAfter.join(" ")} |`);
    console.log("");
    const out = path.resolve("tests", "bench", "results", "digest.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`[bench] written to ${path.relative(process.cwd(), out)}`);
    await db.$disconnect();
  } finally {
    fake.child.disconnect();
    await meili.stop();
    await postgres.stop();
  }
}

await main();
