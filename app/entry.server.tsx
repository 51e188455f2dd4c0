import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { documentResponse, renderStreamed } from "~/utils/document-response.server";
import { NonceContext } from "~/utils/nonce";

const ABORT_DELAY = 5_000;
// The last script of a document whose loader data reached it whole.
const HANDOFF_CLOSED = "window.__remixContext.streamController.close();";

/**
 * Every page is rendered whole, then sent as one body with its length (ADR 015). No page defers
 * data, so streaming the shell first sent nothing sooner, and it cost CPU: React's streaming renderer
 * writes a page as thousands of small byte chunks, passed through several streams.
 *
 * Single fetch hands the loader data to the browser through `<StreamTransfer>`, which suspends until
 * each chunk of `serverHandoffStream` is read. The data is read here first and put in the very cache
 * StreamTransfer looks in (`renderMeta.streamCache`), so nothing suspends and the whole document
 * renders in one synchronous pass (`renderToString`: about 12% less web CPU per search page).
 * Should a Remix release render that cache differently, the document would lack its data: it is then
 * rendered again the streaming way, from the same data, and a warning says so.
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
    if (!remixContext.renderMeta?.didRenderScripts || html.includes(HANDOFF_CLOSED)) {
      return documentResponse(html, responseStatusCode, responseHeaders);
    }
    warnOnce("[render] the loader data did not reach the document in one pass; rendering it streamed (app/entry.server.tsx)");
    remixContext.renderMeta = {};
    remixContext.serverHandoffStream = new Blob([handoff]).stream();
  }
  return renderStreamed(app(), { nonce, status: responseStatusCode, headers: responseHeaders, abortDelayMs: ABORT_DELAY });
}

/** The whole single-fetch payload, now cached where StreamTransfer reads it; null without one. */
async function readHandoff(context: EntryContext): Promise<string | null> {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return null;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  text += decoder.decode();
  reader.releaseLock();
  context.renderMeta.streamCache = { 0: Object.assign(Promise.resolve(), { result: { done: true, value: text } }) };
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
