import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../app/server/free-port";
import { WEB_BUNDLE } from "../../app/server/build-if-needed";
import { commandLine, processTree, startTicks, stillRunning, treeCpuMs } from "./process-cpu";

// `npm run bench:cold-start`: `npm start` on a fresh data folder to the first page served, with the
// time of each step the launcher reports, then Ctrl-C (SIGINT) and a check that nothing it started
// is left. Printed and written to tests/bench/results/cold-start.json.
// `-- --after-install` removes the build first, as a clone has it after `npm install`: the launcher
// then builds the web app too.
async function main() {
  const afterInstall = process.argv.includes("--after-install");
  if (afterInstall) fs.rmSync("build", { recursive: true, force: true });
  const buildPresent = fs.existsSync(WEB_BUNDLE);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-cold-"));
  const port = await freePort();
  const loadBefore = os.loadavg();
  const started = performance.now();
  const launcher = spawn(process.execPath, ["--import", "tsx", "app/server/start.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", MEILI_HOST: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const steps: { seconds: number; line: string }[] = [];
  launcher.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter((l) => l.startsWith("[jiebang]"))) steps.push({ seconds: Number(((performance.now() - started) / 1000).toFixed(1)), line });
  });
  let firstPage = 0;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`npm start exited with ${launcher.exitCode}`);
    const status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0);
    // A server error is an answer, and a broken start: waiting on would never end.
    if (status >= 500) throw new Error(`the first page answered ${status}`);
    const ok = status >= 200 && status < 300;
    if (ok) {
      firstPage = (performance.now() - started) / 1000;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // CPU of every process it started, exited ones included: on a shared host, a steadier measure than the wait.
  const cpuSeconds = treeCpuMs(launcher.pid!) / 1000;
  const tree = processTree(launcher.pid!).map((pid) => ({ pid, started: startTicks(pid) }));
  launcher.kill("SIGINT");
  await new Promise<void>((resolve) => launcher.once("exit", () => resolve()));
  await new Promise((r) => setTimeout(r, 1000));
  // A pid is only the same process if it started at the same time: on a busy host pids are reused.
  const leftBehind = tree.filter(({ pid, started }) => stillRunning(pid, started)).map(({ pid }) => pid);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))) },
    buildPresent,
    firstPageSeconds: Number(firstPage.toFixed(1)),
    cpuSeconds: Number(cpuSeconds.toFixed(1)),
    processesStarted: tree.length,
    leftAfterCtrlC: leftBehind.length,
    steps,
  };
  for (const s of steps) console.log(`${String(s.seconds).padStart(6)} s  ${s.line}`);
  console.log(`\nCold start${buildPresent ? "" : " (building the web app too)"}: first page after ${result.firstPageSeconds} s, ${result.cpuSeconds} s of CPU (load average ${result.machine.loadAverageBefore.join(" ")}); ${tree.length} processes, ${leftBehind.length} left after Ctrl-C`);
  const out = path.resolve("tests", "bench", "results", "cold-start.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const pid of leftBehind) console.log(`left: ${pid} ${commandLine(pid)}`);
  if (leftBehind.length) process.exitCode = 1;
}

await main();
