import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireInstanceLock, lockFileFor } from "../../app/server/instance-lock";
import { isAlive, waitUntilGone } from "../../app/server/process-check";
import { SetupError } from "../../app/server/setup-error";

// One launcher per data folder: a second refuses beside a live one; after one killed with SIGKILL,
// its children that follow it are gone by themselves and the next launcher stops any that stayed.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-lock-"));
const spawned: ChildProcess[] = [];
const leftovers: number[] = [];

afterAll(() => {
  for (const child of spawned) child.kill("SIGKILL");
  for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startMiniLauncher(): Promise<{ launcher: ChildProcess; follows: number; stays: number }> {
  const launcher = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/mini-launcher.ts", dataDir], { stdio: ["ignore", "pipe", "inherit"] });
  spawned.push(launcher);
  return new Promise((resolve, reject) => {
    let output = "";
    launcher.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      const pids = JSON.parse(line) as { follows: number; stays: number };
      leftovers.push(pids.follows, pids.stays);
      resolve({ launcher, ...pids });
    });
    launcher.once("exit", (code) => reject(new Error(`mini launcher exited with ${code}: ${output}`)));
  });
}

describe("the launcher's lock", () => {
  it("refuses beside a live launcher, and cleans up after one killed with SIGKILL", async () => {
    const { launcher, follows, stays } = await startMiniLauncher();

    const refused = await acquireInstanceLock(dataDir, () => {}).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(SetupError);
    expect((refused as Error).message).toBe(
      `another \`npm start\` (pid ${launcher.pid}) is running with ${dataDir}: stop it first (Ctrl-C in its terminal, or kill ${launcher.pid}), or give this one another DATA_DIR`,
    );

    // A benchmark's data folder says so, and names its own setting.
    const benchRefused = await acquireInstanceLock(dataDir, () => {}, { who: "page benchmark", setting: "BENCH_DATA_DIR" }).then(() => undefined, (error: unknown) => error);
    expect((benchRefused as Error).message).toBe(
      `another page benchmark (pid ${launcher.pid}) is running with ${dataDir}: stop it first (Ctrl-C in its terminal, or kill ${launcher.pid}), or give this one another BENCH_DATA_DIR`,
    );

    launcher.kill("SIGKILL");
    expect(await waitUntilGone(follows, 10_000)).toBe(true); // noticed its launcher died
    expect(isAlive(stays)).toBe(true); // an orphan, as before this fix

    const logs: string[] = [];
    const lock = await acquireInstanceLock(dataDir, (m) => logs.push(m));
    expect(isAlive(stays)).toBe(false);
    expect(logs.join("\n")).toContain(`a previous launcher (pid ${launcher.pid}) died without stopping stays (pid ${stays})`);
    const content = JSON.parse(fs.readFileSync(lockFileFor(dataDir), "utf8")) as { launcher: { pid: number } };
    expect(content.launcher.pid).toBe(process.pid);
    expect((fs.statSync(lockFileFor(dataDir)).mode & 0o777).toString(8)).toBe("600");
    lock.release();
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);
  });
});
