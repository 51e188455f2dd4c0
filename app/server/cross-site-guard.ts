import type { NextFunction, Request, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

// SameSite=Lax already keeps the session cookie off cross-site POSTs; checking Origin as well
// refuses forged form posts from other sites even in browsers that ignore SameSite.
// X-Forwarded-Host is believed only behind trusted proxies (TRUST_PROXY), like X-Forwarded-For.
// RFC 8058 one-click unsubscribe is POSTed by the recipient's mail provider, from wherever it runs;
// the signed token in the URL is the permission (no cookie is used), so there is nothing to forge.
const ONE_CLICK = /^\/unsubscribe\/[^/]+$/;

export const rejectCrossSiteWrites = ({ trustProxy }: { trustProxy: number }) => (req: Request, res: Response, next: NextFunction) => {
  if (SAFE.has(req.method)) return next();
  if (ONE_CLICK.test(req.path)) {
    // Remix refuses an action whose Origin is another host, as a 500: the provider's Origin is not ours.
    delete req.headers.origin;
    return next();
  }
  const origin = req.get("origin");
  if (!origin) return next();
  const host = (trustProxy > 0 ? req.get("x-forwarded-host")?.split(",").at(-1)?.trim() : undefined) ?? req.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost && originHost === host) return next();
  res.status(403).type("text/plain; charset=utf-8").send("请求来源不受信任 · Cross-site request refused");
};
