import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { announceReady, once, stopWhenLauncherGoes } from "./follow-launcher";
import { asksToListen, listenPermission } from "./listen-permission";
import { warmUp } from "./warm-up";
import { appUrl, env } from "~/utils/env.server";
import { createWebApp } from "./web-app";

// One web process: static assets plus the Remix handler. Stateless, so any number can run
// behind a load balancer (web.ts runs one per core on the same port).
const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const buildFile = path.join(root, "build", "index.js");
const dev = process.env.NODE_ENV === "development";

// In development the build is re-imported when `remix watch` rewrites it; in production once.
async function loadBuild(): Promise<ServerBuild> {
  const version = dev ? `?t=${fs.statSync(buildFile).mtimeMs}` : "";
  return (await import(pathToFileURL(buildFile).href + version)) as ServerBuild;
}
const build = dev ? loadBuild : await loadBuild();

const app = createWebApp({ build, mode: process.env.NODE_ENV, root, https: appUrl().startsWith("https://"), trustProxy: env().TRUST_PROXY });

let server: Server | null = null;
const shutdown = once(() => {
  if (!server) process.exit(0);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
});
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// A cluster worker follows its primary the same way a single web process follows the launcher.
stopWhenLauncherGoes("web", shutdown);

const permission = listenPermission();
if (asksToListen() && !dev) await warmUp(build as ServerBuild, process.env.NODE_ENV);
await permission;
server = app.listen(port, () => {
  announceReady({ type: "web-ready", port }, `[web] listening on http://localhost:${port}`);
});
