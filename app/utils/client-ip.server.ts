import net from "node:net";

/**
 * The header through which the web server tells the app the client's address. The server sets it on
 * every request and overwrites whatever a client sent under that name (app/server/web-app.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-jiebang-client-address";

function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address from the socket's and X-Forwarded-For. Every proxy appends the address it
 * received the request from, so only the last `trustedHops` entries were written by proxies we run;
 * anything to their left may have been typed by the client. With 0 trusted hops (the default) the
 * header is ignored; with n, the entry n places from the right (the socket's address counting as the
 * first) is the client: the right-most one no trusted proxy could vouch for.
 */
export function clientAddress(input: { peer: string | undefined; forwardedFor: string | string[] | undefined; trustedHops: number }): string {
  const peer = input.peer ? normalise(input.peer) : "unknown";
  if (input.trustedHops <= 0 || !input.forwardedFor) return peer;
  const hops = [input.forwardedFor].flat().join(",").split(",").map(normalise).filter(Boolean);
  if (hops.length === 0) return peer;
  const chain = [...hops, peer];
  const candidate = chain[Math.max(0, chain.length - 1 - input.trustedHops)]!;
  return net.isIP(candidate) ? candidate : peer;
}

/** The client's address as the web server determined it (TRUST_PROXY); "local" outside the server. */
export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "local";
}
