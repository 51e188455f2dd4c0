import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";
import { createMeiliClient, INDEXES } from "../../search/client.server";
import { reindexAll } from "../../search/reindex.server";
import { indexShape, STALE_INDEX_MESSAGE } from "../../search/index-shape.server";
import { createDb } from "../utils/db.server";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { WEB_BUNDLE, buildIfNeeded } from "./build-if-needed";
import { prisma, tsx } from "./run-command";
import { persistentSecret, prepareDataDir, writePrivateFile } from "./data-dir";
import { acquireInstanceLock, type InstanceLock } from "./instance-lock";
import { superviseChild, type SupervisedChild } from "./supervisor";
import { createListenGate, LISTEN_WHEN_TOLD } from "./listen-permission";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/demo-logins";

// `npm start`: one command from a fresh checkout to a running platform with demo data.
const started = Date.now();
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const supervised: SupervisedChild[] = [];
let watcher: ChildProcess | undefined;
let lock: InstanceLock | undefined;
let postgres: RunningPostgres | undefined;
let meili: RunningMeilisearch | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[jiebang] ${message}`);
}

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  // Refused before anything started (e.g. another launcher runs): nothing to stop, nothing to say.
  if (!lock) process.exit(code);
  log("stopping…");
  watcher?.kill("SIGTERM");
  await Promise.all(supervised.map((child) => child.stop()));
  await meili?.stop().catch(() => {});
  await postgres?.stop().catch(() => {});
  lock?.release();
  log("stopped");
  process.exit(code);
}
// The launcher owns the order: web and worker first, then Meilisearch, then PostgreSQL.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void stopAll(0));
}

// `npm start` may be stopped by a signal that npm does not pass on (SIGTERM, or SIGKILL); the
// launcher is then re-parented. Treat that like Ctrl-C so nothing it started is left behind.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void stopAll(0);
}, 1000).unref();

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM "Organisation"');
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

// Web and worker each run on their own: one that crashes is logged and restarted with backoff
// (supervisor.ts) while the other keeps serving. Each new pid goes into the lock for cleanup.
type ChildOptions = { onStart?: (child: ChildProcess) => void; execArgv?: string[] };
function startChild(name: string, script: string, env: NodeJS.ProcessEnv, { onStart, execArgv }: ChildOptions = {}): Promise<void> {
  // Ctrl-C during start-up: stopAll has already taken the list of children to stop.
  if (stopping) return new Promise(() => undefined);
  const child = superviseChild({ name, script, env, log, execArgv, onStart: (process) => { lock?.recordChild(name, process.pid!); onStart?.(process); } });
  supervised.push(child);
  return child.ready;
}

// `npm run dev`: rebuild on every change; the web process picks up the new build per request.
function watchSources() {
  watcher = spawn(path.resolve("node_modules", ".bin", "remix"), ["watch"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } });
  lock?.recordChild("remix-watch", watcher.pid!);
}

// A fresh database (just seeded), a fresh Meilisearch (no index yet) or an index an older release built
// gets a full index before the app serves; afterwards the worker keeps it in sync. A Meilisearch that is
// down must not block start-up.
async function buildSearchIndex(env: NodeJS.ProcessEnv, seeded: boolean) {
  const client = createMeiliClient({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY, timeout: 120_000 });
  const hasIndex = await client.getIndex(INDEXES.scenarios).then(() => true, () => false);
  const stale = hasIndex && !seeded && (await indexShape(client).catch(() => "unknown")) === "stale";
  if (!seeded && hasIndex && !stale) return;
  log(stale ? `${STALE_INDEX_MESSAGE}: rebuilding it…` : "building the search index…");
  const db = createDb(env.DATABASE_URL!);
  try {
    // Until the web listens and the worker starts nothing else writes: no margin for open transactions is needed.
    const summary = await reindexAll({ db, client, catchUpMarginMs: 0, payloadLimit: meili?.payloadLimit });
    log(`search index: ${summary.indexes.scenarios.documents} scenarios, ${summary.indexes.vendors.documents} vendors (${(summary.ms / 1000).toFixed(1)} s)`);
  } catch (error) {
    log(`search index not built (${error instanceof Error ? error.message : error}); run \`npm run search:reindex\` later`);
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  prepareDataDir(dataDir);
  // One launcher per data folder; leftovers of one that was killed are stopped here.
  lock = await acquireInstanceLock(dataDir, log);
  const dev = process.env.JIEBANG_DEV === "1";
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: dev ? "development" : "production", PORT: String(port), DATA_DIR: dataDir };
  // The web build needs none of the services: it runs while they start, seed and index (on a first
  // run that is most of the wait). Its failure is reported when it is awaited, below.
  const built = buildIfNeeded({ development: dev });
  built.catch(() => undefined);

  if (!env.DATABASE_URL) {
    log("starting embedded PostgreSQL…");
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    await postgres.createDatabase("jiebang");
    env.DATABASE_URL = postgres.urlFor("jiebang");
    // A local demo: mail stays in the outbox page (signed-in admin only) unless a Resend key is given.
    // Never for a run the operator declared production or that is served over https.
    const declaredProduction = process.env.NODE_ENV === "production" || (env.APP_URL ?? "").startsWith("https:");
    if (!declaredProduction) env.ENABLE_DEV_OUTBOX ??= "true";
  }
  if (!env.MEILI_HOST) {
    log("starting embedded Meilisearch…");
    meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: persistentSecret(path.join(dataDir, "meili-master-key")) });
    env.MEILI_HOST = meili.host;
    env.MEILI_MASTER_KEY = meili.masterKey;
  }
  // Lets tools beside the app (e2e fixtures, admin scripts) reach the same services.
  // It holds the database password: private like everything in the data folder.
  writePrivateFile(path.join(dataDir, "runtime.json"), JSON.stringify({ databaseUrl: env.DATABASE_URL, meiliHost: env.MEILI_HOST, port }, null, 2));
  // The web processes load while the database is migrated and seeded and the index built (they
  // touch neither before a request), and listen once that is done (listen-permission.ts). A web
  // process restarted later is let through at once.
  const webGate = createListenGate();
  const webReady = built.then(() => {
    if (dev) watchSources();
    // The bundled entry (bundle-web.mjs) starts without tsx; `npm run dev` runs the sources it edits.
    const [script, execArgv] = dev ? ["app/server/web.ts", undefined] : [WEB_BUNDLE, []];
    return startChild("web", script, { ...env, [LISTEN_WHEN_TOLD]: "1" }, { execArgv, onStart: (child) => child.on("message", (message) => webGate.onChildMessage(child, message)) });
  });
  webReady.catch(() => undefined);
  log("applying migrations…");
  await prisma(["migrate", "deploy"], env.DATABASE_URL);
  const seeded = await isEmpty(env.DATABASE_URL);
  if (seeded) {
    log("empty database: loading demo data…");
    await tsx("prisma/seed.ts", env);
  }
  await buildSearchIndex(env, seeded);
  webGate.open();
  // The worker starts after the index: it writes, and the index was read with no margin for writes.
  // On its own embedded database the launcher's worker is the only one: it may take back the jobs
  // a killed predecessor left active (worker.ts). With DATABASE_URL, other workers may share it.
  const workerEnv = postgres ? { ...env, JIEBANG_SOLE_WORKER: "1" } : env;
  await Promise.all([webReady, startChild("worker", "app/server/worker.ts", workerEnv)]);

  const url = `http://localhost:${port}`;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s → ${url}`);
  if (env.ENABLE_DEV_OUTBOX === "true") log(`mail outbox: ${url}/dev/outbox${dev ? "" : " (sign in as the demo admin)"}`);
  log(`demo logins (password ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) log(`  ${login.role.padEnd(10)} ${login.email}  ${login.note}`);
  log("press Ctrl-C to stop");
}

main().catch((error: unknown) => {
  // The message only, never a stack: a SetupError's message is one line that says what to do.
  console.error(`[jiebang] start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
