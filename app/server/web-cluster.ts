import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { serveSharedFifoLimits } from "~/utils/shared-fifo-limit.server";
import { announceReady, once, stopWhenLauncherGoes } from "./follow-launcher";
import { createListenGate, listenPermission } from "./listen-permission";

/**
 * Several web processes on one port (node:cluster): one Node process uses one core for rendering,
 * so a single web process leaves the other cores idle whenever Meilisearch and PostgreSQL do not
 * need them. The primary forks, restarts and stops its workers and keeps the queues they share
 * (shared-fifo-limit.server.ts); the workers serve.
 *
 * Under the launcher's supervisor the primary is "the web child": it says ready once every worker
 * listens, stops every worker before it exits, and a worker whose primary dies (even by SIGKILL)
 * stops too, because its IPC channel closes (follow-launcher.ts).
 */

/** WEB_CONCURRENCY if set (1 turns clustering off), else one per core; one under `npm run dev`. */
export function webProcessCount(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const asked = Number.parseInt(env.WEB_CONCURRENCY ?? "", 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  if (env.NODE_ENV === "development") return 1;
  return Math.max(1, cores);
}

/**
 * The arguments a web worker starts with: the primary's, plus a 32 MB semi-space unless one was
 * chosen (in the arguments or NODE_OPTIONS). A scenario list page allocates about 1.8 MB; with V8's
 * default young generation (16 MB semi-spaces) two web processes serving it to 20 connections paused
 * 0.63–0.72 ms a page in scavenges, with 32 MB 0.38–0.50 ms (--trace-gc, ADR 013). At most 32 MB more
 * memory a process.
 */
export function webWorkerArgs(execArgv: readonly string[], nodeOptions = ""): string[] {
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--max[-_]semi[-_]space[-_]size\b/.test(arg));
  return chosen ? [...execArgv] : [...execArgv, "--max-semi-space-size=32"];
}

type ClusterOptions = { count: number; name: string; log?: (message: string) => void; port?: number };

const RESTART_DELAY_MS = 1000;

export function runCluster({ count, name, log = (m) => console.error(`[${name}] ${m}`), port }: ClusterOptions): void {
  let stopping = false;
  const ready = new Set<number>();
  let announced = false;

  // Workers inherit LISTEN_WHEN_TOLD: they ask this primary, which opens once the launcher lets it.
  const gate = createListenGate();
  void listenPermission().then(() => gate.open());

  function fork(): Worker {
    const worker = cluster.fork();
    worker.on("message", (message: { type?: string }) => {
      gate.onChildMessage(worker, message);
      if (!message?.type?.endsWith("ready")) return;
      ready.add(worker.id);
      if (!announced && ready.size >= count) {
        announced = true;
        announceReady({ type: `${name}-ready`, port, processes: count }, `[${name}] ${count} processes listening${port ? ` on http://localhost:${port}` : ""}`);
      }
    });
    worker.once("exit", (code, signal) => {
      ready.delete(worker.id);
      if (stopping) return;
      log(`process ${worker.process.pid} ${signal ? `killed by ${signal}` : `exited with code ${code}`}; starting another`);
      setTimeout(() => { if (!stopping) fork(); }, RESTART_DELAY_MS).unref();
    });
    return worker;
  }
  serveSharedFifoLimits();
  cluster.setupPrimary({ execArgv: webWorkerArgs(process.execArgv, process.env.NODE_OPTIONS) });
  for (let i = 0; i < count; i++) fork();

  const shutdown = once(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      worker.once("exit", () => resolve());
      worker.process.kill("SIGTERM");
      setTimeout(() => worker.process.kill("SIGKILL"), 8000).unref();
    })));
    process.exit(0);
  });
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  process.on("SIGHUP", shutdown);
  stopWhenLauncherGoes(name, shutdown);
}

