import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { documentResponse, renderStreamed } from "~/utils/document-response.server";
import { withHandoff } from "~/utils/handoff-script.server";
import { handoffTextOf } from "~/server/plain-turbo-stream.mjs";
import { NonceContext } from "~/utils/nonce";

const ABORT_DELAY = 5_000;

/**
 * Every page is rendered whole, then sent as one body with its length (ADR 015). No page defers
 * data, so streaming the shell first sent nothing sooner, and it cost CPU: React's streaming renderer
 * writes a page as thousands of small byte chunks, passed through several streams.
 *
 * Single fetch hands the loader data to the browser through `<StreamTransfer>`, which suspends until
 * each chunk of `serverHandoffStream` is read. The data is read here first, and StreamTransfer is
 * handed an empty, finished stream (`renderMeta.streamCache`): nothing suspends, the document
 * renders in one synchronous pass (`renderToString`), with only the script closing the stream. The
 * data's own script is then put before that one, as bytes (handoff-script.server.ts): the document
 * string stays shorter than V8's large-object size, which cost a millisecond a page beyond it.
 * Should a Remix release render that cache differently, the closing script would be missing: the
 * page is then rendered the streaming way from the same data, and a warning says so.
 */
export default async function handleRequest(
  request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext,
) {
  // The Content-Security-Policy allows only inline scripts carrying this response's nonce.
  const nonce = loadContext.cspNonce ?? "";
  const app = () => (
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceContext.Provider>
  );
  const handoff = await readHandoff(remixContext);
  if (handoff !== null) {
    const html = `<!DOCTYPE html>${renderToString(app())}`;
    if (!remixContext.renderMeta?.didRenderScripts) return documentResponse(html, responseStatusCode, responseHeaders);
    const body = withHandoff(html, handoff, nonce);
    if (body) return documentResponse(body, responseStatusCode, responseHeaders);
    warnOnce("[render] the loader data did not reach the document in one pass; rendering it streamed (app/entry.server.tsx)");
    remixContext.renderMeta = {};
    remixContext.serverHandoffStream = new Blob([handoff]).stream();
  }
  return renderStreamed(app(), { nonce, status: responseStatusCode, headers: responseHeaders, abortDelayMs: ABORT_DELAY });
}

/** The whole single-fetch payload; StreamTransfer is left an empty, finished stream. Null without one. */
async function readHandoff(context: EntryContext): Promise<string | null> {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return null;
  // The text the installed server runtime kept on the stream for plain data (ADR 018), else the stream's.
  const text = handoffTextOf(stream) ?? (await readAll(stream));
  context.renderMeta.streamCache = { 0: Object.assign(Promise.resolve(), { result: { done: true, value: "" } }) };
  return text;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  text += decoder.decode();
  reader.releaseLock();
  return text;
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(message);
  warned = true;
}

// Expected responses (404, 403, …) are part of normal traffic; log only real failures.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(error);
};

// Single-fetch data requests: "log in first" answers 401 rather than a 202 (see the module).
export { handleDataRequest } from "~/utils/data-request.server";
