import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

export function nonceOf(res: ServerResponse): string {
  return (res as Response).locals.cspNonce as string;
}

// A fresh nonce per response: a script runs only if the server wrote it into this page.
export function assignNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(18).toString("base64");
  next();
}

/**
 * helmet with the app's policy. Scripts: this origin and inline scripts carrying the response's
 * nonce (Remix's hydration data and module loader), nothing else. Styles allow inline attributes
 * because the mail preview and a few elements use `style=`; that cannot run code. No framing of
 * any page. HSTS and upgrade-insecure-requests only when the public address is https, so a local
 * http run is not pinned to https by the browser.
 */
export function securityHeaders({ https }: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
}
