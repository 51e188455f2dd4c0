import type { NextFunction, Request, Response } from "express";
import { MAX_EVIDENCE_FILES, uploadPostBytes } from "~/modules/attachments/file-type";
import type { MessageKey } from "~/utils/i18n";
import { hasLiveSession } from "~/utils/session.server";
import { sendEdgeReply } from "./edge-reply";

// A form post is a few kilobytes of text; 1 MB leaves room for the longest proposal. Uploads carry
// one file up to the attachment limit plus the other fields and the multipart framing: the upload
// route, and an organisation's verification documents (a scanned licence easily passes 1 MB).
// Delivery evidence, gate reports and objections carry up to five files of that size each.
export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = uploadPostBytes(1);
export const EVIDENCE_BODY_LIMIT = uploadPostBytes(MAX_EVIDENCE_FILES);
const UPLOAD_PATHS = new Set([
  "/attachments/upload", "/attachments/upload.data",
  "/vendor/profile/verification", "/vendor/profile/verification.data",
]);
// The vendor's delivery page (evidence, gate reports) and the objection form, with or without `.data`.
const EVIDENCE_PATHS = [/^\/vendor\/delivery\/[^/]+(\.data)?$/, /^\/notices\/[^/]+\/objection(\.data)?$/];

type BodyLimit = { bytes: number; message: MessageKey };
const FORM_LIMIT: BodyLimit = { bytes: FORM_BODY_LIMIT, message: "error.tooLarge" };

export function bodyLimitFor(pathname: string): BodyLimit {
  if (UPLOAD_PATHS.has(pathname)) return { bytes: UPLOAD_BODY_LIMIT, message: "att.tooLarge" };
  if (EVIDENCE_PATHS.some((path) => path.test(pathname))) return { bytes: EVIDENCE_BODY_LIMIT, message: "att.tooLarge" };
  return FORM_LIMIT;
}

/**
 * The larger allowances are for signed-in members sending files: a request without a live session
 * gets the form limit, so nobody signed out can make the server hold a hundred megabytes. The session
 * is looked up only when it decides something: a declared length over the allowance is refused at
 * once (while the browser is still sending, so it reads the answer), and one within the form limit
 * cannot grow past it (Node holds a body to its Content-Length).
 */
async function limitFor(req: Request, declared: number): Promise<BodyLimit> {
  const limit = bodyLimitFor(req.path);
  if (limit.bytes <= FORM_BODY_LIMIT || declared > limit.bytes || (declared > 0 && declared <= FORM_BODY_LIMIT)) return limit;
  const signedIn = await hasLiveSession(req.headers.cookie ?? null).catch(() => false);
  return signedIn ? limit : FORM_LIMIT;
}

const WITHOUT_BODY = new Set(["GET", "HEAD"]);

/**
 * Reads the request body into memory, but never more than the route's limit: a declared
 * Content-Length over it is refused before a byte is read, and a chunked body is cut off as soon as
 * it passes the limit. Either way the answer is 413 and the connection is closed, so the rest of the
 * body is never received. Later middleware finds the bytes in `res.locals.body`.
 */
export async function readLimitedBody(req: Request, res: Response, next: NextFunction) {
  if (WITHOUT_BODY.has(req.method)) return next();
  const declared = Number(req.headers["content-length"] ?? 0);
  const limit = await limitFor(req, declared);
  if (declared > limit.bytes) return void sendEdgeReply(req, res, 413, limit.message, { close: true });

  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit.bytes) return void chunks.push(chunk);
    settled = true;
    chunks.length = 0;
    req.off("data", onData);
    req.pause();
    void sendEdgeReply(req, res, 413, limit.message, { close: true });
  };
  req.on("data", onData);
  req.once("end", () => {
    if (settled) return;
    settled = true;
    res.locals.body = Buffer.concat(chunks, size);
    next();
  });
  // The client went away mid-body: nobody is left to answer.
  req.once("error", () => {
    settled = true;
  });
}
