import type { Request, Response } from "express";
import { translator, type MessageKey } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { safeRedirect } from "~/utils/safe-redirect";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal decided at the edge, before Remix runs (body too large, not a form): a small page in the
 * visitor's language that says why, with a way back to the page named by `redirectTo` (checked like
 * every redirect). `Connection: close` when the body was not read, so the rest of it is never received.
 */
export async function sendEdgeReply(req: Request, res: Response, status: number, message: MessageKey, options: { close?: boolean } = {}) {
  const chosen: unknown = await localeCookie.parse(req.headers.cookie ?? null).catch(() => null);
  const locale = chosen === "en" ? "en" : "zh-CN";
  const t = translator(locale);
  const back = safeRedirect(typeof req.query.redirectTo === "string" ? req.query.redirectTo : null, "/");
  if (res.headersSent) return;
  if (options.close) res.set("Connection", "close");
  res.status(status).type("text/html; charset=utf-8").send(
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escape(t("error.title"))} · 揭榜 Jiebang</title></head><body><main>` +
      `<h1>${escape(t("error.title"))}</h1><div role="alert"><p>${escape(t(message))}</p></div>` +
      `<p><a href="${escape(back)}">${escape(t("att.back"))}</a></p></main></body></html>`,
  );
}
