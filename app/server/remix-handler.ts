import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { wholeBodyOf } from "~/utils/whole-body.server";
import { friendlyError } from "./friendly-errors";

/**
 * @remix-run/express's handler, except that the body is the one the edge already read (bounded by
 * readLimitedBody) instead of the raw socket stream, so no route can read past the limit.
 */
export function remixHandler({ build, mode }: { build: ServerBuild | (() => Promise<ServerBuild>); mode?: string }) {
  const handle = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = { cspNonce: res.locals.cspNonce as string };
      const request = toFetchRequest(req, res);
      const response = await friendlyError(request, await handle(request, context));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname and req.protocol follow the "trust proxy" setting; the port comes from the Host.
  const port = req.get("host")?.split(":")[1];
  // The Request parses (and normalises) the URL itself; parsing it here first only did it twice.
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
  let controller: AbortController | null = new AbortController();
  // Stop loaders and actions once the response can no longer be written.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const body = res.locals.body as Buffer | undefined;
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    init.body = new Uint8Array(body ?? Buffer.alloc(0));
  }
  return new Request(url, init);
}

async function sendResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  const whole = wholeBodyOf(response);
  if (whole) res.end(whole);
  else if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
