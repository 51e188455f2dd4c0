import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import { buildIfNeeded } from "../../app/server/build-if-needed";
import type { WebAppOptions } from "../../app/server/web-app";
import { useAppDatabase } from "./app-database";

// Two test files may want the build at once: one builds, the other waits for its lock.
async function buildOnce(): Promise<void> {
  const lock = path.resolve(".cache", "test-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a run that died.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await buildIfNeeded();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let buildPromise: Promise<ServerBuild> | undefined;

/**
 * The built app (`remix build`, rebuilt when a source changed) behind the same express edge as
 * `app/server/web.ts`, listening on a free port of this process. Call after useAppDatabase(): the
 * build reads DATABASE_URL when it first touches the database.
 */
export async function startWebServer(options: Omit<WebAppOptions, "build"> = {}): Promise<{ url: string; close(): Promise<void> }> {
  buildPromise ??= buildOnce().then(async () => (await import(/* @vite-ignore */ pathToFileURL(path.resolve("build", "index.js")).href)) as ServerBuild);
  const build = await buildPromise;
  const { createWebApp } = await import("../../app/server/web-app");
  const app = createWebApp({ build, mode: "production", ...options });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A test file's own database and web server: started before its tests, stopped after them. */
export function servedApp(options: Omit<WebAppOptions, "build"> = {}): { readonly url: string } {
  let cleanup: (() => Promise<void>) | undefined;
  let web: Awaited<ReturnType<typeof startWebServer>> | undefined;
  beforeAll(async () => {
    ({ cleanup } = await useAppDatabase());
    web = await startWebServer(options);
  });
  afterAll(async () => {
    await web?.close();
    await cleanup?.();
  });
  return {
    get url() {
      if (!web) throw new Error("the web server starts in beforeAll");
      return web.url;
    },
  };
}
