/**
 * A child of the launcher (web, worker) stops when the launcher is gone, even one killed with
 * SIGKILL: its IPC channel closes. Otherwise it would run on, orphaned, beside the next `npm start`.
 * A process started directly (production, no IPC channel) has no launcher to follow.
 */
export function stopWhenLauncherGoes(name: string, shutdown: () => void): void {
  if (!process.send) return;
  process.once("disconnect", () => {
    console.error(`[${name}] the launcher is gone: stopping`);
    shutdown();
  });
}

/**
 * Says "ready" to the launcher (or the cluster's primary), or prints `line` for a process started
 * directly. A launcher that went away while this process started is not an error here: "disconnect"
 * above stops this process with one line, where a send without a callback would throw
 * ERR_IPC_CHANNEL_CLOSED with a stack trace.
 */
export function announceReady(message: { type: string } & Record<string, unknown>, line: string): void {
  if (process.send) process.send(message, undefined, undefined, () => undefined);
  else console.log(line);
}

/** Makes a shutdown handler safe to call from several signals at once: it runs once. */
export function once(fn: () => void | Promise<void>): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    void fn();
  };
}
