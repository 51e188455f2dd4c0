import cluster, { type Worker } from "node:cluster";
import { fifoLimit } from "./fifo-limit.server";

/**
 * fifoLimit across the web processes of one cluster. Each process keeping its own queue lets the
 * process that happens to hold more connections queue longer while the other's slot sits idle, so
 * the slowest answers depend on how the connections fell (ADR 013). Here the primary keeps one line
 * per name for all its workers: a worker asks for a slot, runs when granted and gives it back. Outside
 * a cluster (one web process, tests, scripts) it is the local fifoLimit.
 */

type Acquire = { type: "shared-fifo-limit:acquire"; name: string; limit: number; ticket: number };
type Release = { type: "shared-fifo-limit:release"; name: string; ticket: number };
type Granted = { type: "shared-fifo-limit:granted"; name: string; ticket: number };

type Holder = { owner: number; ticket: number };
type Line = { limit: number; running: Holder[]; waiting: (Holder & { grant: () => void })[] };

/** The primary's bookkeeping, apart from the IPC so it can be tested in one process. */
export function sharedLines() {
  const lines = new Map<string, Line>();
  const same = (a: Holder, b: Holder) => a.owner === b.owner && a.ticket === b.ticket;
  function startWaiting(line: Line) {
    while (line.running.length < line.limit && line.waiting.length > 0) {
      const next = line.waiting.shift()!;
      line.running.push({ owner: next.owner, ticket: next.ticket });
      next.grant();
    }
  }
  return {
    acquire(name: string, limit: number, holder: Holder, grant: () => void) {
      let line = lines.get(name);
      // The first ask sets the line's limit: every worker runs the same code, so they all ask the same.
      if (!line) lines.set(name, (line = { limit: Math.max(1, Math.floor(limit)), running: [], waiting: [] }));
      line.waiting.push({ ...holder, grant });
      startWaiting(line);
    },
    release(name: string, holder: Holder) {
      const line = lines.get(name);
      if (!line) return;
      line.running = line.running.filter((h) => !same(h, holder));
      startWaiting(line);
    },
    /** A worker that exited holds nothing and waits for nothing any more. */
    forget(owner: number) {
      for (const line of lines.values()) {
        line.running = line.running.filter((h) => h.owner !== owner);
        line.waiting = line.waiting.filter((h) => h.owner !== owner);
        startWaiting(line);
      }
    },
    running(name: string) {
      return lines.get(name)?.running.length ?? 0;
    },
  };
}

/** In the cluster's primary: serve the workers' lines. */
export function serveSharedFifoLimits(): void {
  const lines = sharedLines();
  cluster.on("message", (worker: Worker, message: Acquire | Release | { type?: unknown }) => {
    if (message?.type === "shared-fifo-limit:acquire") {
      const { name, limit, ticket } = message as Acquire;
      lines.acquire(name, limit, { owner: worker.id, ticket }, () => {
        if (worker.isConnected()) worker.send({ type: "shared-fifo-limit:granted", name, ticket } satisfies Granted);
      });
    } else if (message?.type === "shared-fifo-limit:release") {
      const { name, ticket } = message as Release;
      lines.release(name, { owner: worker.id, ticket });
    }
  });
  cluster.on("exit", (worker: Worker) => lines.forget(worker.id));
}

const granted = new Map<string, () => void>();
let listening = false;
let nextTicket = 1;

function listen() {
  if (listening) return;
  listening = true;
  process.on("message", (message: Granted | { type?: unknown }) => {
    if (message?.type !== "shared-fifo-limit:granted") return;
    const { name, ticket } = message as Granted;
    granted.get(`${name}:${ticket}`)?.();
  });
}

/** At most `limit` tasks named `name` at once across the cluster's workers, in arrival order. */
export function sharedFifoLimit(name: string, limit: number): Pick<ReturnType<typeof fifoLimit>, "run"> {
  if (!cluster.isWorker || !process.send) return fifoLimit(limit);
  const send = process.send.bind(process);
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      listen();
      const ticket = nextTicket++;
      const key = `${name}:${ticket}`;
      await new Promise<void>((resolve) => {
        granted.set(key, resolve);
        send({ type: "shared-fifo-limit:acquire", name, limit, ticket } satisfies Acquire);
      });
      granted.delete(key);
      try {
        return await task();
      } finally {
        // Without its primary the worker is stopping (follow-launcher.ts), and the line went with it.
        if (process.connected) send({ type: "shared-fifo-limit:release", name, ticket } satisfies Release);
      }
    },
  };
}
