/**
 * Which files may be attached, decided by their CONTENT (magic bytes), never by the browser's
 * Content-Type or the name alone: a file is accepted only when its bytes match the type its
 * extension claims, so an .exe renamed .pdf, or a PNG called .pdf, is refused.
 * Pure (no Node APIs) so it is unit-tested with real byte samples.
 */

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024; // 20 MB: a scanned proposal PDF fits, a video does not
export const MAX_FILENAME_LENGTH = 180;
/** Files one piece of evidence may carry: a milestone's evidence, a gate report, an objection. */
export const MAX_EVIDENCE_FILES = 5;
/** The most a post may carry: `files` attachments of the largest size, its other fields and the multipart framing. */
export const uploadPostBytes = (files: number) => files * MAX_ATTACHMENT_BYTES + 64 * 1024;

type Signature = "pdf" | "png" | "jpeg" | "ooxml" | "ole" | "text";
type AllowedType = { mimeType: string; signature: Signature };

const ALLOWED: Record<string, AllowedType> = {
  pdf: { mimeType: "application/pdf", signature: "pdf" },
  png: { mimeType: "image/png", signature: "png" },
  jpg: { mimeType: "image/jpeg", signature: "jpeg" },
  jpeg: { mimeType: "image/jpeg", signature: "jpeg" },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signature: "ooxml" },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signature: "ooxml" },
  pptx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signature: "ooxml" },
  doc: { mimeType: "application/msword", signature: "ole" },
  xls: { mimeType: "application/vnd.ms-excel", signature: "ole" },
  txt: { mimeType: "text/plain", signature: "text" },
  md: { mimeType: "text/markdown", signature: "text" },
  csv: { mimeType: "text/csv", signature: "text" },
};

/** For the file input's `accept` attribute (a hint for the picker; the server decides). */
export const ACCEPT_ATTRIBUTE = Object.keys(ALLOWED).map((ext) => `.${ext}`).join(",");
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export type FileCheck =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; error: "att.empty" | "att.tooLarge" | "att.typeNotAllowed" | "att.contentMismatch" };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: string): boolean {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

// Text must be valid UTF-8 without NUL bytes: binaries (and UTF-16) fail, Chinese text passes.
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const MATCHERS: Record<Signature, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]), // %PDF-
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  // Office Open XML is a ZIP whose entries include [Content_Types].xml (named in the local header
  // and again in the central directory); a plain ZIP renamed .docx lacks it.
  ooxml: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && contains(b, "[Content_Types].xml"),
  ole: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  text: isUtf8Text,
};

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** The usual extension of an accepted type (the first one listed), for names made without the original (blind review). */
export function extensionForMimeType(mimeType: string): string {
  return Object.entries(ALLOWED).find(([, t]) => t.mimeType === mimeType)?.[0] ?? "bin";
}

/**
 * The name as stored and offered on download: no path, no control characters, bounded length
 * (keeping the extension). Chinese characters are kept as they are.
 */
export function cleanFilename(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (base.length <= MAX_FILENAME_LENGTH) return base;
  const ext = extensionOf(base);
  const keep = MAX_FILENAME_LENGTH - (ext ? ext.length + 1 : 0);
  return ext ? `${base.slice(0, keep)}.${ext}` : base.slice(0, keep);
}

export function checkFile(filename: string, bytes: Uint8Array): FileCheck {
  if (bytes.length === 0) return { ok: false, error: "att.empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, error: "att.tooLarge" };
  const extension = extensionOf(filename);
  const allowed = ALLOWED[extension];
  if (!allowed) return { ok: false, error: "att.typeNotAllowed" };
  if (!MATCHERS[allowed.signature](bytes)) return { ok: false, error: "att.contentMismatch" };
  return { ok: true, mimeType: allowed.mimeType, extension };
}
