import type { NextFunction, Request, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

// SameSite=Lax already keeps the session cookie off cross-site POSTs; checking Origin as well
// refuses forged form posts from other sites even in browsers that ignore SameSite.
// X-Forwarded-Host is believed only behind trusted proxies (TRUST_PROXY), like X-Forwarded-For.
export const rejectCrossSiteWrites = ({ trustProxy }: { trustProxy: number }) => (req: Request, res: Response, next: NextFunction) => {
  if (SAFE.has(req.method)) return next();
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
