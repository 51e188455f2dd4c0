import fs from "node:fs";

// CPU time of processes from /proc (Linux): user + system, in milliseconds. Used to charge each
// page its CPU per process group (web processes, Meilisearch, PostgreSQL) across a load run.
const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { state: string; ppid: number; cpuMs: number; startTicks: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces: fields start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

/** When a process started (clock ticks since boot): with its pid, it names one process, even after the pid is reused. */
export function startTicks(pid: number): number | undefined {
  return stat(pid)?.startTicks;
}

/** The process that had this pid at that start time still runs (an exited one waiting to be reaped does not). */
export function stillRunning(pid: number, started: number | undefined): boolean {
  const s = stat(pid);
  return started !== undefined && s !== undefined && s.startTicks === started && s.state !== "Z";
}

/** A process's command line, for a report; empty for one that has exited. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 200);
  } catch {
    return "(command unknown)";
  }
}

/** A process and every descendant (cluster workers, PostgreSQL backends) alive now. */
export function processTree(root: number): number[] {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  const parents = new Map<number, number>();
  for (const pid of all) {
    const s = stat(pid);
    if (s) parents.set(pid, s.ppid);
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) if (!tree.has(pid) && tree.has(ppid)) { tree.add(pid); grew = true; }
  }
  return [...tree];
}

/** Total CPU of a process tree; exited children's time is counted through their parent's cutime. */
export function treeCpuMs(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) total += stat(pid)?.cpuMs ?? 0;
  return total + childrenCpuMs(root);
}

function childrenCpuMs(pid: number): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return 0;
  }
}
