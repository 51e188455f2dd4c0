import type { HandleDataRequestFunction } from "@remix-run/node";

/**
 * Marks the redirect a guard throws when nobody is signed in (permissions.server.ts → loginRedirect).
 * A page request gets the plain 302 to the login page.
 */
export const LOGIN_REQUIRED_HEADER = "X-Login-Required";

/**
 * Single-fetch data requests (`/page.data`) cannot answer with a 3xx: the browser's fetch would
 * follow it. Remix therefore sends every redirect as a 202 whose body tells the client router where to
 * go, so an anonymous `GET /department/….data` looked like an accepted request to proxies, monitoring
 * and scanners. A redirect to the login page becomes a 401 with the same body: the client router reads
 * the redirect from the body whatever the status, so a browser still lands on the login page.
 */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (response.status !== 202 || !response.headers.has(LOGIN_REQUIRED_HEADER)) return response;
  const headers = new Headers(response.headers);
  headers.delete(LOGIN_REQUIRED_HEADER);
  headers.delete("Location");
  headers.set("Cache-Control", "no-store");
  return new Response(response.body, { status: 401, headers });
};
