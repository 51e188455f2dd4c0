import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// A free port per run unless E2E_PORT names one, so two runs on one machine (two clones, a CI job
// beside a developer's run) do not take each other's server. The runner picks it when it loads this
// file; its workers load the file again with the port already in their environment.
process.env.E2E_PORT ??= freePort();
const PORT = Number(process.env.E2E_PORT);

function freePort(): string {
  const probe = "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }).trim();
}

// e2e runs the built app through the same launcher as `npm start`, on its own port and data dir.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: "node --import tsx app/server/start.ts",
    url: `http://localhost:${PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { PORT: String(PORT), DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e", APP_URL: `http://localhost:${PORT}`, ENABLE_DEV_OUTBOX: "true" },
  },
});
