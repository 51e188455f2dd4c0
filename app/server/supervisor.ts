import { fork, type ChildProcess } from "node:child_process";

/**
 * Keeps one child process (the web server or the job worker) running: a child that exits without
 * being asked to is logged with the reason and started again after a backoff (1 s, 2 s, 4 s … up
 * to 30 s; back to 1 s once it has stayed up a minute). The other children are left alone.
 */
export type Backoff = { initialMs: number; maxMs: number; resetAfterMs: number };
const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

export type SupervisedChild = {
  name: string;
  /** Resolves when the first start reports ready; rejects if it exits before that. */
  ready: Promise<void>;
  /** The running process, if any (between a crash and its restart there is none). */
  current(): ChildProcess | undefined;
  restarts(): number;
  /** Stops the child for good: no restart. */
  stop(): Promise<void>;
};

export type SuperviseOptions = {
  name: string;
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  backoff?: Partial<Backoff>;
  /** Node's options for the child: TypeScript through tsx unless told otherwise (a bundled script needs none). */
  execArgv?: string[];
  /** Called with each new process (e.g. to record its pid in the launcher's lock). */
  onStart?: (child: ChildProcess) => void;
};

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  return `exited with code ${code}`;
}

export function superviseChild(options: SuperviseOptions): SupervisedChild {
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const log = options.log ?? ((message: string) => console.log(`[jiebang] ${message}`));
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;
  let crashesInARow = 0;
  let everReady = false;
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  function start() {
    const startedAt = Date.now();
    const current = fork(options.script, options.args ?? [], { env: options.env, execArgv: options.execArgv ?? ["--import", "tsx"], stdio: "inherit" });
    child = current;
    options.onStart?.(current);
    current.on("message", (message: { type?: string }) => {
      if (!message?.type?.endsWith("ready")) return;
      everReady = true;
      resolveReady();
    });
    current.once("exit", (code, signal) => {
      if (child === current) child = undefined;
      if (stopping) return;
      const why = describeExit(code, signal);
      // A first start that never got ready is a broken setup, not a crash: the launcher reports it.
      if (!everReady) return rejectReady(new Error(`${options.name} ${why} before it was ready`));
      crashesInARow = Date.now() - startedAt >= backoff.resetAfterMs ? 1 : crashesInARow + 1;
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (crashesInARow - 1));
      log(`${options.name} ${why}; restarting it in ${(delay / 1000).toFixed(1)} s`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping) return;
        restarts += 1;
        start();
      }, delay);
    });
  }
  start();

  return {
    name: options.name,
    ready,
    current: () => child,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        current.once("exit", () => resolve());
        current.kill("SIGTERM");
        setTimeout(() => current.kill("SIGKILL"), 8000).unref();
      });
    },
  };
}
