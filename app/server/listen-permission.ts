/**
 * `npm start` loads the web app while it builds a first run's search index, the longest wait of a
 * first start, but lets it listen only once the index is there. A page served earlier would search
 * an index still being built, and whoever waits for the address to answer (a browser, the end-to-end
 * tests) would take it as ready.
 *
 * A process started with LISTEN_WHEN_TOLD=1 and an IPC channel asks its parent (`listen-waiting`) and
 * listens when the parent answers `listen`. The child asks, rather than the parent telling it at once,
 * because a message sent before the child has a handler for it is lost. Without the variable or a
 * parent (production runs web.ts directly) a process listens at once. Under node:cluster the primary
 * is asked by its workers and asks the launcher in turn.
 */
export const LISTEN_WHEN_TOLD = "JIEBANG_LISTEN_WHEN_TOLD";

const WAITING = "listen-waiting";
const LISTEN = "listen";

type Channel = { send?: (message: unknown) => unknown; on(event: "message", listener: (message: unknown) => void): unknown; off(event: "message", listener: (message: unknown) => void): unknown };

const typeOf = (message: unknown) => (message as { type?: unknown } | null)?.type;

/** This process listens only when its parent says so. */
export function asksToListen(env: NodeJS.ProcessEnv = process.env, channel: Pick<Channel, "send"> = process): boolean {
  return env[LISTEN_WHEN_TOLD] === "1" && !!channel.send;
}

/** Resolves when this process may listen: at once, or when its parent says so. */
export function listenPermission(env: NodeJS.ProcessEnv = process.env, channel: Channel = process): Promise<void> {
  if (!asksToListen(env, channel)) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (typeOf(message) !== LISTEN) return;
      channel.off("message", onMessage);
      resolve();
    };
    channel.on("message", onMessage);
    channel.send!({ type: WAITING });
  });
}

/** A child process or a cluster worker. */
type Child = { send(message: { type: string }, callback: (error: Error | null) => void): unknown };

export type ListenGate = {
  /** Feed it every message from a child; it answers a child that waits once the gate is open. */
  onChildMessage(child: Child, message: unknown): void;
  open(): void;
  isOpen(): boolean;
};

/** The parent's side: children that ask before the gate opens are answered when it opens. */
export function createListenGate(): ListenGate {
  let open = false;
  const waiting = new Set<Child>();
  // A child that has exited meanwhile needs no answer (its replacement asks again); the callback
  // keeps the failed send from becoming an unhandled error event.
  const tell = (child: Child) => child.send({ type: LISTEN }, () => undefined);
  return {
    onChildMessage(child, message) {
      if (typeOf(message) !== WAITING) return;
      if (open) tell(child);
      else waiting.add(child);
    },
    open() {
      open = true;
      for (const child of waiting) tell(child);
      waiting.clear();
    },
    isOpen: () => open,
  };
}
