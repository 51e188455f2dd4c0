import fs from "node:fs";
import path from "node:path";
import { writePrivateFile } from "./data-dir";
import { isSameProcess, recordOf, stopProcess, type ProcessRecord } from "./process-check";
import { SetupError } from "./setup-error";

/**
 * One launcher per data folder. DATA_DIR/launcher.lock names the running launcher and the children
 * it started (pid and start time, so a reused pid is never mistaken for them). A second `npm start`
 * beside a live launcher stops with one line; after a launcher that died without cleaning up (kill
 * -9, power loss), the next one stops what it left running and takes over. PostgreSQL and
 * Meilisearch are stopped through their own pid files when started again (embedded-*.ts).
 */
type LockContent = { launcher: ProcessRecord; children: Record<string, ProcessRecord> };

export type InstanceLock = {
  file: string;
  /** Records (or replaces) a child the launcher started, e.g. after a restart. */
  recordChild(name: string, pid: number): void;
  release(): void;
};

export function lockFileFor(dataDir: string): string {
  return path.join(dataDir, "launcher.lock");
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockContent;
  } catch {
    return undefined; // missing, or half-written by a launcher killed at that moment
  }
}

// Created with all its content in one step (link fails if the name exists), so no launcher ever
// reads a lock that is there but empty.
function tryCreate(file: string, content: LockContent): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(content, null, 2), { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Who holds a folder, as a refusal names it: `npm start` by default, or a benchmark with its own setting. */
export type LockHolder = { who: string; setting: string };
const LAUNCHER: LockHolder = { who: "`npm start`", setting: "DATA_DIR" };

export async function acquireInstanceLock(dataDir: string, log: (message: string) => void = console.log, holder: LockHolder = LAUNCHER): Promise<InstanceLock> {
  const file = lockFileFor(dataDir);
  const content: LockContent = { launcher: recordOf(process.pid), children: {} };
  for (let attempt = 0; !tryCreate(file, content); attempt++) {
    const previous = readLock(file);
    if (previous && isSameProcess(previous.launcher)) {
      throw new SetupError(
        `another ${holder.who} (pid ${previous.launcher.pid}) is running with ${dataDir}: stop it first (Ctrl-C in its terminal, or kill ${previous.launcher.pid}), or give this one another ${holder.setting}`,
      );
    }
    if (attempt > 2) throw new SetupError(`cannot take ${file}: delete it if no ${holder.who} is running, and start again`);
    const leftovers = Object.entries(previous?.children ?? {}).filter(([, child]) => isSameProcess(child));
    if (leftovers.length > 0) {
      log(`a previous launcher (pid ${previous!.launcher.pid}) died without stopping ${leftovers.map(([name, child]) => `${name} (pid ${child.pid})`).join(", ")}: stopping them`);
      await Promise.all(leftovers.map(([, child]) => stopProcess(child)));
    }
    // Only the lock we read is removed: another launcher may have replaced it meanwhile.
    if (readLock(file)?.launcher.pid === previous?.launcher.pid) fs.rmSync(file, { force: true });
  }
  return {
    file,
    recordChild(name, pid) {
      content.children[name] = recordOf(pid);
      writePrivateFile(file, JSON.stringify(content, null, 2));
    },
    release() {
      if (readLock(file)?.launcher.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
