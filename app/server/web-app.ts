import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { rejectCrossSiteWrites } from "./cross-site-guard";

export type WebAppOptions = {
  // The Remix build, or a function that loads it per request (development rebuilds).
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode?: string;
  // Where `public/` lives.
  root?: string;
};

// The whole HTTP edge in one place, so tests run exactly what production runs.
export function createWebApp({ build, mode = process.env.NODE_ENV, root = process.cwd() }: WebAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", true);
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use(rejectCrossSiteWrites);
  app.all("*", createRequestHandler({ build, mode }));
  return app;
}
