import type { NextFunction, Request, Response } from "express";
import { sendEdgeReply } from "./edge-reply";

// C0 controls and DEL, except tab, line feed and carriage return (a textarea sends CRLF). PostgreSQL
// refuses NUL in text, and none of these belong in anything a person types.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// The same characters percent-encoded in a URL (path or query).
const ENCODED_CONTROL = /%(?:0[0-8bcBC]|0[eEfF]|1[0-9a-fA-F]|7[fF])/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, "");
}

export function cleanUrl(url: string): string {
  return url.replace(ENCODED_CONTROL, "");
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const WITHOUT_BODY = new Set(["GET", "HEAD"]);

/**
 * Every request's input is normalised here once, before any route sees it:
 * - control characters are taken out of the URL and of every form field name, value and file name;
 * - a body that is not a form (JSON, plain text, an unknown type) is refused with 400 and a message,
 *   and so is a multipart body that does not parse; an empty body without a type is an empty form.
 * The routes' own validation then answers as for any other input (400 with the form re-rendered).
 * The app has no JSON endpoints; one that needs them must be let through here by path.
 */
export async function normaliseFormInput(req: Request, res: Response, next: NextFunction) {
  const url = cleanUrl(req.originalUrl);
  if (url !== req.originalUrl) {
    req.url = cleanUrl(req.url);
    req.originalUrl = url;
  }
  if (WITHOUT_BODY.has(req.method)) return next();

  const body = (res.locals.body as Buffer | undefined) ?? Buffer.alloc(0);
  const contentType = req.headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  try {
    if (!mediaType && body.length === 0) {
      req.headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (!FORM_TYPES.has(mediaType)) {
      return void (await sendEdgeReply(req, res, 400, "error.notAForm"));
    } else if (mediaType === "application/x-www-form-urlencoded") {
      const params = new URLSearchParams(body.toString("utf8"));
      const cleaned = new URLSearchParams();
      let changed = false;
      for (const [name, value] of params) {
        const [n, v] = [cleanText(name), cleanText(value)];
        changed ||= n !== name || v !== value;
        cleaned.append(n, v);
      }
      if (changed) res.locals.body = Buffer.from(cleaned.toString());
    } else {
      const cleaned = await cleanMultipart(body, contentType);
      if (cleaned === "broken") return void (await sendEdgeReply(req, res, 400, "error.formBroken"));
      if (cleaned) {
        res.locals.body = cleaned.body;
        req.headers["content-type"] = cleaned.contentType;
      }
    }
  } catch (error) {
    return next(error);
  }
  next();
}

// Parsed with the same parser Remix's request.formData() uses; re-encoded only when something changed.
async function cleanMultipart(body: Buffer, contentType: string): Promise<"broken" | null | { body: Buffer; contentType: string }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return "broken";
  }
  const cleaned = new FormData();
  let changed = false;
  for (const [name, value] of form) {
    const n = cleanText(name);
    changed ||= n !== name;
    if (typeof value === "string") {
      const v = cleanText(value);
      changed ||= v !== value;
      cleaned.append(n, v);
    } else {
      const fileName = cleanText(value.name);
      changed ||= fileName !== value.name;
      cleaned.append(n, fileName === value.name ? value : new File([value], fileName, { type: value.type }), fileName);
    }
  }
  if (!changed) return null;
  const encoded = new Response(cleaned);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("Content-Type")! };
}
