import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { persistentSecret } from "./data-dir";
import { freePort } from "./free-port";
import { placePostgres, removePostgresData, type PostgresPlacement } from "./postgres-placement";
import { isAliveAs, waitUntilGone } from "./process-check";
import { spawnService } from "./service-process";
import { SetupError } from "./setup-error";

export type RunningPostgres = {
  port: number;
  /** The real data directory (as root, outside the checkout; see postgres-placement.ts). */
  pgdata: string;
  pid: number;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "postgres";
// Clusters made before each data directory got a password of its own; changed on their next start.
const LEGACY_PASSWORD = "jiebang";
// Messages are matched below (readiness, errors): keep them in English whatever the system locale.
const ENV = { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" };

// A postgres left running by a process that was killed would hold the data dir; stop it first.
async function stopStaleServer(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return;
  }
  // Not running (or the pid now belongs to another program): postgres clears a stale pid file itself.
  if (!isAliveAs(pid, "postgres")) return;
  process.kill(pid, "SIGINT");
  if (!(await waitUntilGone(pid, 15_000))) throw new SetupError(`a PostgreSQL (pid ${pid}) still holds ${pgdata} and does not stop: stop it (kill ${pid}) and start again`);
}

// SIGINT is PostgreSQL's fast shutdown: it also ends a server whose starter died (service-process.ts).
function spawnAs(placement: PostgresPlacement, binary: string, args: string[]): ChildProcess {
  return spawnService(path.join(placement.binDir, binary), args, { env: ENV, stdio: ["ignore", "pipe", "pipe"], deathSignal: "SIGINT", ...placement.runAs });
}

// Turns a failure of the PostgreSQL binaries into one line that says what to do.
function explain(placement: PostgresPlacement, what: string, detail: string): Error {
  if (/EACCES|permission denied/i.test(detail)) {
    const who = placement.runAs ? "the `postgres` user" : "the current user";
    return new SetupError(`PostgreSQL (${what}) cannot reach ${placement.binDir} or ${placement.pgdata} as ${who}: choose a DATA_DIR it can write, or set DATABASE_URL`);
  }
  const line = detail.split("\n").find((l) => /error|fatal|panic/i.test(l)) ?? detail.split("\n")[0];
  return new Error(`PostgreSQL ${what} failed: ${line?.trim()}`);
}

async function initialise(placement: PostgresPlacement, password: string): Promise<void> {
  // initdb reads the superuser password from a file the PostgreSQL user can read; removed right after.
  const passwordFile = path.join(placement.scratchDir, `pwfile-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (placement.runAs) fs.chownSync(passwordFile, placement.runAs.uid, placement.runAs.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawnAs(placement, "initdb", [
        `--pgdata=${placement.pgdata}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--lc-messages=C",
      ]);
      let output = "";
      child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
      child.on("error", (error) => reject(explain(placement, "initdb", String(error))));
      child.on("close", (code) => (code === 0 ? resolve() : reject(explain(placement, "initdb", output))));
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

function startServer(placement: PostgresPlacement, port: number, options: StartOptions): Promise<ChildProcess> {
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  // Without fsync a power cut can lose committed transactions: only for throw-away test clusters.
  if (options.testOnlyNoFsync) flags.push("-c", "fsync=off");
  const quiet = options.quiet ?? false;
  return new Promise((resolve, reject) => {
    const child = spawnAs(placement, "postgres", ["-D", placement.pgdata, "-p", String(port), ...flags]);
    let output = "";
    let ready = false;
    child.stdout?.resume();
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (!quiet && process.env.DEBUG_PG) console.log("[postgres]", text.trim());
      if (ready) return;
      output = (output + text).slice(-4000);
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    });
    child.on("error", (error) => reject(explain(placement, "start", String(error))));
    child.on("close", () => !ready && reject(explain(placement, "start", output)));
  });
}

type StartOptions = {
  dataDir: string;
  port?: number;
  quiet?: boolean;
  /** Tests only: trades durability for speed. `npm start` and every real cluster keep fsync on. */
  testOnlyNoFsync?: boolean;
};

/** Where the cluster's password is kept: beside the requested data dir, readable by its owner only. */
export function passwordFileFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.password`;
}

async function canConnect(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false; // wrong password
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

// A cluster from before per-directory passwords still has the fixed one: give it its own now.
async function ensurePassword(port: number, password: string, dataDir: string): Promise<void> {
  if (await canConnect(port, password)) return;
  if (!(await canConnect(port, LEGACY_PASSWORD))) {
    throw new SetupError(`the password in ${passwordFileFor(dataDir)} does not open the database in ${dataDir}: restore that file, or delete ${dataDir} to start a fresh database`);
  }
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: LEGACY_PASSWORD, database: "postgres" });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<RunningPostgres> {
  const placement = placePostgres(options.dataDir);
  const port = options.port ?? (await freePort());
  await stopStaleServer(placement.pgdata);
  const password = persistentSecret(passwordFileFor(options.dataDir));
  if (!fs.existsSync(path.join(placement.pgdata, "PG_VERSION"))) await initialise(placement, password);
  const child = await startServer(placement, port, options);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await ensurePassword(port, password, options.dataDir);
  } catch (error) {
    child.kill("SIGINT");
    await exited;
    throw error;
  }

  const urlFor = (database: string) => `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    pgdata: placement.pgdata,
    pid: child.pid!,
    urlFor,
    createDatabase: (name, template) =>
      admin(async (c) => {
        const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount) return;
        await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      }),
    dropDatabase: (name) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
    // SIGINT is PostgreSQL's fast shutdown: sessions are ended, everything committed is kept.
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      await exited;
    },
  };
}

/** Deletes a stopped cluster's data wherever it lives (see postgres-placement.ts). */
export function removeEmbeddedPostgresData(dataDir: string): void {
  removePostgresData(dataDir);
}
