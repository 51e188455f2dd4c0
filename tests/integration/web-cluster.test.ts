import { fork } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../app/server/free-port";
import { createListenGate, LISTEN_WHEN_TOLD } from "../../app/server/listen-permission";
import { superviseChild, type SupervisedChild } from "../../app/server/supervisor";
import { webProcessCount, webWorkerArgs } from "../../app/server/web-cluster";

// `npm start` and the production command run one web process per core on one port: both serve,
// a crashed one is replaced, and stopping (or killing) the primary leaves no process behind.
const supervised: SupervisedChild[] = [];
afterEach(async () => {
  await Promise.all(supervised.splice(0).map((child) => child.stop()));
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Fresh connections, so the kernel spreads them over the workers. Each request has its own time
// limit: a connection the primary handed to a worker just as it was killed is never answered.
async function servingPids(port: number, requests = 40): Promise<Set<number>> {
  const pids = await Promise.all(Array.from({ length: requests }, () =>
    fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" }, signal: AbortSignal.timeout(5000) })
      .then((r) => r.text()).then(Number)));
  return new Set(pids);
}

async function startCluster(count: number) {
  const port = await freePort();
  const logs: string[] = [];
  const child = superviseChild({
    name: "web", script: "tests/fixtures/cluster-child.ts", log: (m) => logs.push(m),
    env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: String(count), NODE_ENV: "production" },
  });
  supervised.push(child);
  await child.ready;
  return { child, port, primary: child.current()!.pid!, logs };
}

describe("web processes", () => {
  it("are sized from the cores unless WEB_CONCURRENCY says otherwise; one under npm run dev", () => {
    expect(webProcessCount({ NODE_ENV: "production" }, 2)).toBe(2);
    expect(webProcessCount({ NODE_ENV: "production" }, 8)).toBe(8);
    expect(webProcessCount({ NODE_ENV: "production", WEB_CONCURRENCY: "3" }, 2)).toBe(3);
    expect(webProcessCount({ NODE_ENV: "production", WEB_CONCURRENCY: "nonsense" }, 2)).toBe(2);
    expect(webProcessCount({ NODE_ENV: "development" }, 8)).toBe(1);
  });

  it("start with a larger young generation unless one was chosen", () => {
    expect(webWorkerArgs(["--import", "tsx"])).toEqual(["--import", "tsx", "--max-semi-space-size=32"]);
    expect(webWorkerArgs(["--max-semi-space-size=8"])).toEqual(["--max-semi-space-size=8"]);
    expect(webWorkerArgs([], "--max_semi_space_size=64 --enable-source-maps")).toEqual([]);
    expect(webWorkerArgs([], "--max-old-space-size=4096")).toEqual(["--max-semi-space-size=32"]);
  });

  it("serve one port from several processes, replace a crashed one, and all stop with the primary", { timeout: 120_000 }, async () => {
    const { child, port, primary } = await startCluster(2);
    const pids = await servingPids(port);
    expect(pids.size).toBe(2);
    expect(pids.has(primary)).toBe(false);
    const args = await fetch(`http://127.0.0.1:${port}/args`).then((r) => r.json());
    expect(args).toContain("--max-semi-space-size=32");

    const [victim] = [...pids];
    process.kill(victim!, "SIGKILL");
    const after = await until("a replacement process", async () => {
      const now = await servingPids(port).catch(() => new Set<number>());
      return now.size === 2 && !now.has(victim!) ? now : false;
    });
    expect(child.restarts()).toBe(0); // the primary itself never went down

    await child.stop();
    for (const pid of [primary, ...after]) await until(`process ${pid} to exit`, () => !alive(pid));
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("leave no process behind when the primary is killed with SIGKILL", async () => {
    // Forked like the launcher forks it (an IPC channel), but without a supervisor to restart it.
    const port = await freePort();
    const primary = fork("tests/fixtures/cluster-child.ts", [], {
      execArgv: ["--import", "tsx"], stdio: "inherit",
      env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: "2", NODE_ENV: "production" },
    });
    await new Promise<void>((resolve) => primary.on("message", (m: { type?: string }) => m?.type === "web-ready" && resolve()));
    const pids = await servingPids(port);
    expect(pids.size).toBe(2);
    primary.kill("SIGKILL");
    for (const pid of pids) await until(`worker ${pid} to exit`, () => !alive(pid));
  });
});

// `npm start` loads the web processes while it builds the index, and lets them listen afterwards.
describe("web processes started by the launcher", () => {
  const refused = (port: number) => fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(() => false, () => true);

  for (const count of [2, 1]) {
    it(`listen only once the launcher lets them, and a replacement at once (${count} process${count > 1 ? "es" : ""})`, { timeout: 120_000 }, async () => {
      const port = await freePort();
      const gate = createListenGate();
      const asked: string[] = [];
      const child = superviseChild({
        name: "web", script: "tests/fixtures/cluster-child.ts", log: () => undefined,
        env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: String(count), NODE_ENV: "production", [LISTEN_WHEN_TOLD]: "1" },
        onStart: (started) => started.on("message", (message: { type?: string }) => {
          if (message?.type) asked.push(message.type);
          gate.onChildMessage(started, message);
        }),
      });
      supervised.push(child);
      let ready = false;
      void child.ready.then(() => (ready = true));

      await until("the web child to ask", () => asked.includes("listen-waiting"));
      // Long enough for the fixture's processes to load and reach their wait.
      await new Promise((r) => setTimeout(r, 3000));
      expect(ready).toBe(false);
      expect(await refused(port)).toBe(true);

      gate.open();
      await child.ready;
      const pids = await servingPids(port);
      expect(pids.size).toBe(count);

      // A process that replaces a dead one asks again and is let through at once.
      const [victim] = [...pids];
      process.kill(victim!, "SIGKILL");
      await until("a replacement that serves", async () => {
        const now = await servingPids(port, 20).catch(() => new Set<number>());
        return now.size === count && !now.has(victim!);
      }, 60_000);
    });
  }

  it("listen at once without the launcher's leave (production runs web.ts directly)", { timeout: 60_000 }, async () => {
    const { port } = await startCluster(2);
    expect((await servingPids(port)).size).toBe(2);
  });
});

describe("a line shared by the web processes", () => {
  type Ran = { pid: number; start: number; end: number };
  const shared = (port: number) => fetch(`http://127.0.0.1:${port}/shared`, { headers: { connection: "close" }, signal: AbortSignal.timeout(15_000) })
    .then((r) => r.json() as Promise<Ran>);

  it("runs one task at a time across the processes, whichever process the request reached", { timeout: 60_000 }, async () => {
    const { port } = await startCluster(2);
    const runs = (await Promise.all(Array.from({ length: 8 }, () => shared(port)))).sort((a, b) => a.start - b.start);
    expect(new Set(runs.map((r) => r.pid)).size).toBe(2);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
  });

  it("frees the slot of a process that dies holding it", { timeout: 60_000 }, async () => {
    const { port } = await startCluster(2);
    const holder = Number(await (await fetch(`http://127.0.0.1:${port}/hold`, { signal: AbortSignal.timeout(5000) })).text());
    process.kill(holder, "SIGKILL");
    await until(`process ${holder} to exit`, () => !alive(holder));
    const runs = await until("a task to run after the holder died", () => shared(port).catch(() => undefined));
    expect(runs.pid).not.toBe(holder);
  });
});
