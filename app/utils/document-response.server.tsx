import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { keepWholeBody } from "./whole-body.server";

/**
 * A document as one body with its declared length (ADR 015). entry.server.tsx renders most pages in
 * one synchronous pass; renderStreamed is its fallback, for a render that must wait for data.
 */

/**
 * The document's bytes ride on the Response (`wholeBodyOf`), which itself has no body: a Response
 * built on bytes builds a ReadableStream for them at once, about 2% of a scenario list page's CPU in
 * a web process, for a stream nobody reads — the HTTP edge (app/server/remix-handler.ts) writes the
 * bytes, and it is the only reader of a page's Response.
 */
export function documentResponse(html: string | Buffer, status: number, headers: Headers): Response {
  headers.set("Content-Type", "text/html; charset=utf-8");
  // Encoded once here: the length is the encoded body's.
  const body = typeof html === "string" ? Buffer.from(html) : html;
  headers.set("Content-Length", String(body.length));
  return keepWholeBody(new Response(null, { headers, status }), body);
}

export function renderStreamed(
  app: React.ReactElement, { nonce, status, headers, abortDelayMs }: { nonce: string; status: number; headers: Headers; abortDelayMs: number },
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const document = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        resolve(documentResponse(withoutNul(Buffer.concat(chunks)), status, headers));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(document);
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        // Errors after the shell are reported here; before it, onShellError rejects.
        if (shellRendered) console.error(error);
      },
    });
    const timer = setTimeout(abort, abortDelayMs);
  });
}

// React 18.3's streaming renderer leaves a NUL byte where a multi-byte (Chinese) character did not
// fit at the end of one of its 2 KB chunks; browsers then show "�". UTF-8 never uses 0x00 inside a
// character, so dropping those bytes is lossless.
function withoutNul(html: Buffer): Buffer {
  let zero = html.indexOf(0);
  if (zero === -1) return html;
  const parts: Buffer[] = [];
  let start = 0;
  while (zero !== -1) {
    if (zero > start) parts.push(html.subarray(start, zero));
    start = zero + 1;
    zero = html.indexOf(0, start);
  }
  parts.push(html.subarray(start));
  return Buffer.concat(parts);
}
