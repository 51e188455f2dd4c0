import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ServerBuild } from "@remix-run/node";
import { readLimitedBody } from "./body-limits";
import { rejectCrossSiteWrites } from "./cross-site-guard";
import { normaliseFormInput } from "./form-input";
import { remixHandler } from "./remix-handler";
import { sendEdgeReply } from "./edge-reply";
import { assignNonce, securityHeaders } from "./security-headers";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "~/utils/client-ip.server";

export type WebAppOptions = {
  // The Remix build, or a function that loads it per request (development rebuilds).
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode?: string;
  // Where `public/` lives.
  root?: string;
  // The public address is https (APP_URL): turns on HSTS.
  https?: boolean;
  // TRUST_PROXY: how many proxies in front append to X-Forwarded-For (0: ignore forwarding headers).
  trustProxy?: number;
};

// The whole HTTP edge in one place, so tests run exactly what production runs.
export function createWebApp({ build, mode = process.env.NODE_ENV, root = process.cwd(), https = false, trustProxy = 0 }: WebAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(assignNonce, securityHeaders({ https }));
  // req.protocol and req.hostname (X-Forwarded-Proto/-Host) follow the same count as the client address.
  app.set("trust proxy", trustProxy);
  app.use(setClientAddress(trustProxy));
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // Pages never live in public/: only a path whose last segment has an extension (favicon.svg) is
  // looked up there, which spares every page a file-system check.
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(rejectCrossSiteWrites({ trustProxy }));
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

// Overwrites any value a client sent under the same name: routes read the address from here.
function setClientAddress(trustedHops: number) {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trustedHops });
    next();
  };
}

function clientErrorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : null;
}
