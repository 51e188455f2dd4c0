// A resource route (a file download, an export) answers a refusal with a bare message key such as
// "error.notFound": fine for a script, but a person who followed a link would see that key on a
// blank page. When a browser navigates to such an answer, the edge sends it on (303) to the app's own
// error page for that status (/errors/$status: header, language, a way on), which answers with the
// same status. A redirect rather than a swapped body: the page must hydrate at its own URL.

const MESSAGE_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;

function wantsDocument(request: globalThis.Request): boolean {
  if (request.method !== "GET") return false;
  const url = new URL(request.url);
  if (url.pathname.endsWith(".data") || url.pathname.startsWith("/errors/")) return false;
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** The response to send: `response` itself, or a redirect to the error page in its place. */
export async function friendlyError(request: globalThis.Request, response: globalThis.Response): Promise<globalThis.Response> {
  if (response.status < 400 || response.status >= 500 || !wantsDocument(request)) return response;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/plain")) return response;
  const text = await response.text();
  if (text.length > 80 || !MESSAGE_KEY.test(text.trim())) {
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  const location = `/errors/${response.status}?reason=${encodeURIComponent(text.trim())}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "private, no-store" } });
}
