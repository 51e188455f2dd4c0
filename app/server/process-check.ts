import fs from "node:fs";

// A zombie (exited, not yet reaped by its parent) still answers kill(pid, 0) but is gone.
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

/**
 * Whether a pid read from a pid or lock file is still the process that wrote it: pids are reused,
 * and stopping whatever now holds an old pid would hit an unrelated program.
 */
export function isAliveAs(pid: number, commandPart: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").includes(commandPart);
  } catch {
    // No /proc (not Linux): trust the pid.
    return true;
  }
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * When the process started (clock ticks since boot), from /proc: with the pid it names one process
 * for good, where a pid alone may since have been given to another program. Undefined without /proc.
 */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** A process recorded earlier: its pid, and its start time when the system tells it. */
export type ProcessRecord = { pid: number; startTime?: string };

export function recordOf(pid: number): ProcessRecord {
  return { pid, startTime: startTimeOf(pid) };
}

export function isSameProcess(record: ProcessRecord): boolean {
  if (!isAlive(record.pid)) return false;
  return record.startTime === undefined || startTimeOf(record.pid) === record.startTime;
}

/** Stops a leftover process: SIGTERM, then SIGKILL when it does not go within the grace period. */
export async function stopProcess(record: ProcessRecord, graceMs = 8000): Promise<void> {
  if (!isSameProcess(record)) return;
  try {
    process.kill(record.pid, "SIGTERM");
  } catch {
    return;
  }
  if (await waitUntilGone(record.pid, graceMs)) return;
  try {
    process.kill(record.pid, "SIGKILL");
  } catch {
    return;
  }
  await waitUntilGone(record.pid, 5000);
}
