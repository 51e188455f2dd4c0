import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, waitFor } from "../../app/server/free-port";
import { WEB_BUNDLE, buildIfNeeded } from "../../app/server/build-if-needed";
import { SetupError } from "../../app/server/setup-error";
import { withoutHandoff } from "../../app/utils/handoff-script.server";
import { benchData } from "./bench-data";
import { load, type LoadRequest, type LoadResult } from "./load";
import { median } from "./stats";
import { startMeiliRecorder, type RecordedSearch } from "./meili-recorder";
import { treeCpuMs } from "./process-cpu";
import { SWEEP_ACCOUNTS, openScenarioCode, sweepPages, sweepPaths, type SweepViewer } from "./page-sweep";

// `npm run bench:pages`: the public pages of the production build on the 100k data set, 20
// connections each, beside their baselines in the same run: raw Meilisearch answering exactly the
// searches each page sent (recorded through a pass-through), and a plain SQL ILIKE search page on the
// same PostgreSQL. Pages/s, median and p95, CPU ms per page of the web processes, Meilisearch and
// PostgreSQL (and of the load generator, which shares their cores), and the ratios. A benchmark, not
// a test: it prints and writes tests/bench/results/pages.json.
//
// On a shared machine the load moves within a run, so the figures come from rounds (BENCH_ROUNDS,
// default 3): each round measures every page right beside its baselines, in the opposite order to the
// round before, and a ratio is the median of the rounds' own ratios; every other figure is the median
// of its rounds.
const SIZE = { scenarios: Number(process.env.BENCH_SCENARIOS ?? 100_000), vendors: Number(process.env.BENCH_VENDORS ?? 20_000) };
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// A web process needs about a minute of a page's traffic (some 10,000 pages) before its CPU per page
// settles: 10 ms in the first seconds of the scenario list, 4–5 ms after a minute. Users meet a server
// that has been up for hours, so each page is first served this long, in slices whose figures are
// printed and kept (BENCH_WARMUP_SLICES of 15 s; 0 measures the server cold).
const WARMUP_SLICES = Number(process.env.BENCH_WARMUP_SLICES ?? 4);
const WARMUP_SLICE_SECONDS = 15;
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? ".data-bench-pages");
const log = (m: string) => console.log(`[bench] ${m}`);

// V8 allocates a string of more than 128 KB as a large object; a Chinese page is held as UTF-16.
const LARGE_DOCUMENT_CHARS = Math.floor((128 * 1024 - 16) / 2);
// The string React renders: the loader data's block and its reading script are put beside it as bytes.
const renderedChars = (html: string) => withoutHandoff(html).length;
const SEARCH = "/scenarios?q=%E9%98%B2%E6%B1%9B&sector=disaster_prevention"; // q=防汛, one sector ticked
const SEARCH_NAME = "search 防汛 + sector";
const ILIKE_NAME = "SQL ILIKE page 防汛 + sector";
const rawName = (page: string) => `raw Meilisearch: ${page}`;

// total: the server's processes; the load generator (this process) shares the same cores and is shown beside them.
type Row = LoadResult & { name: string; cpuMsPerPage?: { web: number; meilisearch: number; postgres: number; total: number; loadGenerator: number }; callsPerPage?: number };

async function startWeb(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const web = fork(WEB_BUNDLE, [], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"], env: { ...env, NODE_ENV: "production", PORT: String(port) } });
  await new Promise<void>((resolve, reject) => {
    web.on("message", (m: { type?: string }) => m?.type?.endsWith("ready") && resolve());
    web.once("exit", (code) => reject(new Error(`web exited with ${code}`)));
  });
  return web;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function main() {
  const loadBefore = os.loadavg();
  const data = await benchData(dataDir, SIZE, log);
  const client = new pg.Client({ connectionString: data.url });
  await client.connect();
  const detailCode = await openScenarioCode(client);
  const sweep = await sweepPaths(client);
  const accounts = (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [Object.values(SWEEP_ACCOUNTS)])).rows;
  await client.end();
  const { db } = await import("../../app/utils/db.server");
  const { createSessionToken, sessionCookieValue } = await import("../fixtures/users");
  const cookies: Partial<Record<SweepViewer, string>> = {};
  for (const [viewer, email] of Object.entries(SWEEP_ACCOUNTS) as [SweepViewer, string][]) {
    const user = accounts.find((a) => a.email === email);
    if (!user) throw new Error(`the demo account ${email} is missing from the benchmark data`);
    cookies[viewer] = `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}`;
  }
  const cookie = cookies.vendor!;
  await db.$disconnect();

  const pages: { name: string; path: string; headers?: Record<string, string> }[] = [
    { name: "home", path: "/" },
    { name: "scenario list", path: "/scenarios" },
    { name: SEARCH_NAME, path: SEARCH },
    { name: "scenario detail", path: `/scenarios/${detailCode}` },
    { name: "vendor directory", path: "/vendors" },
    { name: "vendor recommendations", path: "/vendor", headers: { cookie } },
  ];

  await buildIfNeeded();
  const env = { ...process.env, DATABASE_URL: data.url, MEILI_HOST: data.meili.host, MEILI_MASTER_KEY: data.meili.masterKey };
  // 1. Record the searches each page sends, through the pass-through, one page at a time.
  const recorder = await startMeiliRecorder(data.meili.host);
  const recordPort = await freePort();
  const recording = await startWeb({ ...env, MEILI_HOST: recorder.url, WEB_CONCURRENCY: "1" }, recordPort);
  const sent: Record<string, RecordedSearch[]> = {};
  const documentChars: Record<string, number> = {};
  for (const page of pages) {
    await fetch(`http://127.0.0.1:${recordPort}${page.path}`, { headers: page.headers }).then((r) => r.text());
    recorder.take();
    const response = await fetch(`http://127.0.0.1:${recordPort}${page.path}`, { headers: page.headers });
    if (!response.ok) throw new Error(`${page.path}: HTTP ${response.status}`);
    documentChars[page.name] = renderedChars(await response.text());
    sent[page.name] = recorder.take();
  }
  await stop(recording);
  await recorder.close();

  // 2. The pages, as `npm start` serves them.
  const port = await freePort();
  const web = await startWeb(env, port);
  const ilikePort = await freePort();
  const ilike = fork("tests/bench/ilike-page-server.ts", [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"], env: { ...env, PORT: String(ilikePort) } });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${ilikePort}/?q=x`).catch(() => undefined))?.ok ?? false, 30_000, "the ILIKE page");
  // Every kind of page once at this size; a 5xx fails the benchmark once its figures are written.
  const swept = await sweepPages(`http://127.0.0.1:${port}`, sweep, cookies);
  const failed = swept.filter((r) => r.status >= 500);
  const slowest = [...swept].sort((a, b) => b.ms - a.ms).slice(0, 5);
  log(`every kind of page once: ${swept.length} pages, ${failed.length} failed; slowest ${slowest.map((r) => `${r.path} ${r.ms} ms`).join(", ")}`);
  for (const r of failed) log(`FAILED ${r.status} ${r.path} as ${r.as}`);
  const meiliPid = data.meili.process.pid!;
  const pgPid = data.postgres.pid;
  // ownPid: the process serving the page (web primary, the ILIKE page); none when Meilisearch answers alone.
  const measure = async (name: string, base: string, requests: LoadRequest[], ownPid: number | undefined, callsPerPage = 1): Promise<Row> => {
    await load(base, requests, { connections: CONNECTIONS, seconds: 2 }); // warm-up
    const own = () => (ownPid ? treeCpuMs(ownPid) : 0);
    const before = { web: own(), meili: treeCpuMs(meiliPid), pg: treeCpuMs(pgPid), self: process.cpuUsage() };
    const result = await load(base, requests, { connections: CONNECTIONS, seconds: SECONDS });
    const self = process.cpuUsage(before.self);
    const pagesDone = result.requests / callsPerPage;
    const per = (ms: number) => Number((ms / Math.max(1, pagesDone)).toFixed(2));
    const cpu = { web: per(own() - before.web), meilisearch: per(treeCpuMs(meiliPid) - before.meili), postgres: per(treeCpuMs(pgPid) - before.pg), total: 0, loadGenerator: per((self.user + self.system) / 1000) };
    cpu.total = Number((cpu.web + cpu.meilisearch + cpu.postgres).toFixed(2));
    const row: Row = { name, ...result, perSecond: Number((result.perSecond / callsPerPage).toFixed(1)), cpuMsPerPage: cpu, callsPerPage };
    log(`${name}: ${row.perSecond} pages/s, median ${row.medianMs} ms, p95 ${row.p95Ms} ms, CPU/page web ${cpu.web} ms, meili ${cpu.meilisearch} ms, pg ${cpu.postgres} ms, load generator ${cpu.loadGenerator} ms${result.errors ? `, ${result.errors} errors` : ""}`);
    return row;
  };
  const appBase = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${data.meili.masterKey}`, "content-type": "application/json" };
  // Each page followed by the baselines it is compared with, so a pair is measured under the same load.
  const steps: { name: string; run: () => Promise<Row> }[] = [];
  for (const page of pages) {
    steps.push({ name: page.name, run: () => measure(page.name, appBase, [{ path: page.path, headers: page.headers }], web.pid!) });
    const calls = sent[page.name] ?? [];
    if (calls.length > 0) {
      const name = rawName(page.name);
      steps.push({ name, run: () => measure(name, data.meili.host, calls.map((c) => ({ method: "POST", path: c.path, headers: auth, body: c.body })), undefined, calls.length) });
    }
    if (page.path === SEARCH) {
      steps.push({ name: ILIKE_NAME, run: () => measure(ILIKE_NAME, `http://127.0.0.1:${ilikePort}`, [{ path: `/${new URL(SEARCH, "http://x").search}` }], ilike.pid!) });
    }
  }
  const warmUp: { page: string; slices: { perSecond: number; webCpuMsPerPage: number }[] }[] = [];
  for (const page of WARMUP_SLICES > 0 ? pages : []) {
    const slices: { perSecond: number; webCpuMsPerPage: number }[] = [];
    for (let i = 0; i < WARMUP_SLICES; i++) {
      const before = treeCpuMs(web.pid!);
      const result = await load(appBase, [{ path: page.path, headers: page.headers }], { connections: CONNECTIONS, seconds: WARMUP_SLICE_SECONDS });
      slices.push({ perSecond: result.perSecond, webCpuMsPerPage: Number(((treeCpuMs(web.pid!) - before) / Math.max(1, result.requests)).toFixed(2)) });
    }
    warmUp.push({ page: page.name, slices });
    log(`warm-up ${page.name}: ${slices.map((x) => `${x.perSecond}/s web ${x.webCpuMsPerPage} ms`).join(" → ")}`);
  }
  const rounds: Row[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    log(`round ${round + 1} of ${ROUNDS} (load average ${os.loadavg()[0]!.toFixed(2)})`);
    const measured: Row[] = [];
    for (const step of round % 2 === 0 ? steps : [...steps].reverse()) measured.push(await step.run());
    rounds.push(steps.map((step) => measured.find((r) => r.name === step.name)!));
  }
  await stop(web);
  // Degraded mode: Meilisearch unreachable (nothing listens on port 1), the database answers.
  const degradedPort = await freePort();
  const degraded = await startWeb({ ...env, MEILI_HOST: "http://127.0.0.1:1" }, degradedPort);
  const degradedRow = await measure("degraded search 防汛 + sector (Meilisearch down)", `http://127.0.0.1:${degradedPort}`, [{ path: SEARCH }], degraded.pid!);
  await stop(degraded);
  await stop(ilike);

  const rows = [...steps.map((step, i) => medianRow(rounds.map((r) => r[i]!))), degradedRow];
  const pairs: [string, string, string][] = [
    ["search page / raw Meilisearch (same searches)", SEARCH_NAME, rawName(SEARCH_NAME)],
    ["scenario list / raw Meilisearch (same searches)", "scenario list", rawName("scenario list")],
    ["vendor directory / raw Meilisearch (same searches)", "vendor directory", rawName("vendor directory")],
    ["search page / SQL ILIKE page", SEARCH_NAME, ILIKE_NAME],
  ];
  const ratioIn = (round: Row[], a: string, b: string) => {
    const [x, y] = [round.find((r) => r.name === a), round.find((r) => r.name === b)];
    return x && y && y.perSecond > 0 ? x.perSecond / y.perSecond : undefined;
  };
  const roundRatios = Object.fromEntries(pairs.map(([label, a, b]) => [label, rounds.map((round) => ratioIn(round, a, b)).filter((v) => v !== undefined).map((v) => Number(v.toFixed(2)))]));
  const ratios = Object.fromEntries(Object.entries(roundRatios).map(([label, values]) => [label, values.length ? median(values) : null]));
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))), loadAverageAfter: os.loadavg().map((l) => Number(l.toFixed(2))) },
    data: data.counts,
    connections: CONNECTIONS,
    secondsPerRun: SECONDS,
    rounds: ROUNDS,
    warmUp,
    webProcesses: process.env.WEB_CONCURRENCY ?? `one per core (${os.availableParallelism()})`,
    meilisearchCallsPerPage: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v.length])),
    documentChars,
    everyPage: swept,
    rows,
    ratios,
    roundRatios,
    roundsMeasured: rounds,
  };
  console.log("");
  console.log(`Page benchmark — ${data.counts.scenarios} scenarios, ${data.counts.vendors} vendor profiles, ${CONNECTIONS} connections, ${SECONDS} s each, medians of ${ROUNDS} rounds, after ${WARMUP_SLICES * WARMUP_SLICE_SECONDS} s of warm-up per page`);
  console.log(`load average before ${result.machine.loadAverageBefore.join(" ")}, after ${result.machine.loadAverageAfter.join(" ")}`);
  console.log("| page | pages/s | median ms | p95 ms | CPU ms/page web | Meilisearch | PostgreSQL | total | load generator |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.name} | ${r.perSecond} | ${r.medianMs} | ${r.p95Ms} | ${r.cpuMsPerPage?.web} | ${r.cpuMsPerPage?.meilisearch} | ${r.cpuMsPerPage?.postgres} | ${r.cpuMsPerPage?.total} | ${r.cpuMsPerPage?.loadGenerator} |`);
  for (const [k, v] of Object.entries(ratios)) console.log(`${k}: ${v} (rounds: ${roundRatios[k]!.join(", ")})`);
  // A page the renderer holds as one string of more characters than this is a large object in V8 (ADR 015).
  console.log(`rendered document length in characters, loader data aside (large-object limit ${LARGE_DOCUMENT_CHARS}): ${Object.entries(documentChars).map(([k, n]) => `${k} ${n}${n > LARGE_DOCUMENT_CHARS ? " (over)" : ""}`).join(", ")}`);
  const out = path.resolve("tests", "bench", "results", "pages.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  log(`written to ${path.relative(process.cwd(), out)}`);
  await data.meili.stop();
  await data.postgres.stop();
  if (failed.length > 0) throw new Error(`${failed.length} page(s) answered 5xx at this size: ${failed.map((r) => `${r.path} (${r.as})`).join(", ")}`);
}

/** A row's figures as the median of its rounds (each figure on its own). */
function medianRow(measured: Row[]): Row {
  const m = (pick: (r: Row) => number) => median(measured.map(pick));
  const cpu = measured[0]!.cpuMsPerPage && {
    web: m((r) => r.cpuMsPerPage!.web), meilisearch: m((r) => r.cpuMsPerPage!.meilisearch),
    postgres: m((r) => r.cpuMsPerPage!.postgres), total: m((r) => r.cpuMsPerPage!.total), loadGenerator: m((r) => r.cpuMsPerPage!.loadGenerator),
  };
  return {
    name: measured[0]!.name, requests: m((r) => r.requests), perSecond: m((r) => r.perSecond), medianMs: m((r) => r.medianMs),
    p95Ms: m((r) => r.p95Ms), errors: measured.reduce((n, r) => n + r.errors, 0), cpuMsPerPage: cpu, callsPerPage: measured[0]!.callsPerPage,
  };
}

await main().catch((error: unknown) => {
  if (!(error instanceof SetupError)) throw error;
  console.error(`[bench] ${error.message}`);
  process.exitCode = 1;
});
