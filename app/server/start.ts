import { fork, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";
import { createMeiliClient, INDEXES } from "../../search/client.server";
import { reindexAll } from "../../search/reindex.server";
import { createDb } from "../utils/db.server";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { buildIfNeeded } from "./build-if-needed";
import { prisma, tsx } from "./run-command";
import { persistentSecret, prepareDataDir, writePrivateFile } from "./data-dir";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/demo-logins";

// `npm start`: one command from a fresh checkout to a running platform with demo data.
const started = Date.now();
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const children: ChildProcess[] = [];
let postgres: RunningPostgres | undefined;
let meili: RunningMeilisearch | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[jiebang] ${message}`);
}

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await Promise.all(children.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 8000).unref();
  })));
  await meili?.stop().catch(() => {});
  await postgres?.stop().catch(() => {});
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

function spawnChild(name: string, script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { env, execArgv: ["--import", "tsx"], stdio: "inherit" });
    children.push(child);
    child.on("message", (m: { type?: string }) => m?.type?.endsWith("ready") && resolve());
    child.on("exit", (code) => {
      reject(new Error(`${name} exited with ${code}`));
      if (!stopping) {
        console.error(`[jiebang] ${name} stopped unexpectedly (exit ${code})`);
        void stopAll(1);
      }
    });
  });
}

// `npm run dev`: rebuild on every change; the web process picks up the new build per request.
function watchSources() {
  const watcher = spawn(path.resolve("node_modules", ".bin", "remix"), ["watch"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } });
  children.push(watcher);
}

// A fresh database (just seeded) or a fresh Meilisearch (no index yet) gets a full index before the
// app serves; afterwards the worker keeps it in sync. A Meilisearch that is down must not block start-up.
async function buildSearchIndex(env: NodeJS.ProcessEnv, seeded: boolean) {
  const client = createMeiliClient({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY, timeout: 120_000 });
  const hasIndex = await client.getIndex(INDEXES.scenarios).then(() => true, () => false);
  if (!seeded && hasIndex) return;
  log("building the search index…");
  const db = createDb(env.DATABASE_URL!);
  try {
    const summary = await reindexAll({ db, client });
    log(`search index: ${summary.indexes.scenarios.documents} scenarios, ${summary.indexes.vendors.documents} vendors (${(summary.ms / 1000).toFixed(1)} s)`);
  } catch (error) {
    log(`search index not built (${error instanceof Error ? error.message : error}); run \`npm run search:reindex\` later`);
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  prepareDataDir(dataDir);
  const dev = process.env.JIEBANG_DEV === "1";
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: dev ? "development" : "production", PORT: String(port), DATA_DIR: dataDir };

  if (!env.DATABASE_URL) {
    log("starting embedded PostgreSQL…");
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    await postgres.createDatabase("jiebang");
    env.DATABASE_URL = postgres.urlFor("jiebang");
    // A local demo: mail stays in the outbox page unless a Resend key is given.
    env.ENABLE_DEV_OUTBOX ??= "true";
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
  log("applying migrations…");
  await prisma(["migrate", "deploy"], env.DATABASE_URL);
  const seeded = await isEmpty(env.DATABASE_URL);
  if (seeded) {
    log("empty database: loading demo data…");
    await tsx("prisma/seed.ts", env);
  }
  await buildSearchIndex(env, seeded);
  await buildIfNeeded();
  if (dev) watchSources();
  await Promise.all([spawnChild("web", "app/server/web.ts", env), spawnChild("worker", "app/server/worker.ts", env)]);

  const url = `http://localhost:${port}`;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s → ${url}`);
  if (env.ENABLE_DEV_OUTBOX === "true") log(`mail outbox: ${url}/dev/outbox`);
  log(`demo logins (password ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) log(`  ${login.role.padEnd(10)} ${login.email}  ${login.note}`);
  log("press Ctrl-C to stop");
}

main().catch((error: unknown) => {
  // The message only, never a stack: a SetupError's message is one line that says what to do.
  console.error(`[jiebang] start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
