import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ServerBuild } from "@remix-run/node";
import { readLimitedBody } from "./body-limits";
import { rejectCrossSiteWrites } from "./cross-site-guard";
import { normaliseFormInput } from "./form-input";
import { remixHandler } from "./remix-handler";
import { sendEdgeReply } from "./edge-reply";
import { assignNonce, securityHeaders } from "./security-headers";

export type WebAppOptions = {
  // The Remix build, or a function that loads it per request (development rebuilds).
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode?: string;
  // Where `public/` lives.
  root?: string;
  // The public address is https (APP_URL): turns on HSTS.
  https?: boolean;
};

// The whole HTTP edge in one place, so tests run exactly what production runs.
export function createWebApp({ build, mode = process.env.NODE_ENV, root = process.cwd(), https = false }: WebAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(assignNonce, securityHeaders({ https }));
  app.set("trust proxy", true);
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use(rejectCrossSiteWrites);
  app.use(readLimitedBody);
  app.use(normaliseFormInput);
  app.all("*", remixHandler({ build, mode }));
  // Remix answers its own errors; this is the last resort, and it never shows a stack trace. Errors
  // that carry a 4xx status are the client's (a path that is not valid UTF-8, say), not ours.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(error);
    if (!status) console.error(error);
    if (res.headersSent) return void res.end();
    if (status) return void sendEdgeReply(req, res, status, "error.badRequest");
    res.status(500).type("text/plain; charset=utf-8").send("服务器暂时无法处理请求 · Internal server error");
  });
  return app;
}

function clientErrorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : null;
}
