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
