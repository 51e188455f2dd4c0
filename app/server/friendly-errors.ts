// A resource route (a file download, an export) answers a refusal with a bare message key such as
// "error.notFound": fine for a script, but a person who followed a link would see that key on a
// blank page. When a browser navigates to such an answer, the edge swaps the body for the app's own
// error page (header, language, a way on), rendered by the /errors/$status route, keeping the status.

const MESSAGE_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;

function wantsDocument(request: globalThis.Request): boolean {
  if (request.method !== "GET") return false;
  const url = new URL(request.url);
  if (url.pathname.endsWith(".data") || url.pathname.startsWith("/errors/")) return false;
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
 * The response to send: `response` itself, or the error page in its place. `render` asks the app for
 * a path with the request's own headers (its language cookie and session).
 */
export async function friendlyError(
  request: globalThis.Request,
  response: globalThis.Response,
  render: (path: string) => Promise<globalThis.Response>,
): Promise<globalThis.Response> {
  if (response.status < 400 || response.status >= 500 || !wantsDocument(request)) return response;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/plain")) return response;
  const text = await response.text();
  const keep = () => new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (text.length > 80 || !MESSAGE_KEY.test(text.trim())) return keep();
  const page = await render(`/errors/${response.status}?reason=${encodeURIComponent(text.trim())}`);
  if (!(page.headers.get("content-type") ?? "").startsWith("text/html")) return keep();
  const headers = new Headers(page.headers);
  headers.set("Cache-Control", "private, no-store");
  return new Response(page.body, { status: response.status, statusText: response.statusText, headers });
}
