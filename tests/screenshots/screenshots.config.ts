import { defineConfig } from "@playwright/test";

// `npm run screenshots`: the product's main pages in both languages, on a desktop and a phone, written
// to docs/screenshots/ for the README. It runs the app through the same launcher as `npm start`, with
// the demo data, on its own port and data folder (kept between runs, so the second run is quick).
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3390);
const DATA_DIR = process.env.SCREENSHOTS_DATA_DIR ?? ".data-screenshots";
process.env.E2E_DATA_DIR = DATA_DIR; // the db fixture finds the database through it

export default defineConfig({
  testDir: ".",
  testMatch: "take-screenshots.ts",
  workers: 1,
  timeout: 180_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node --import tsx app/server/start.ts",
    cwd: process.cwd(), // npm runs the script from the repository's root
    url: `http://localhost:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { PORT: String(PORT), DATA_DIR, APP_URL: `http://localhost:${PORT}` },
  },
});
