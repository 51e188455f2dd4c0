import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A pass-through in front of Meilisearch that keeps the body of every search the web server sends,
 * so the benchmark can replay exactly those bodies against Meilisearch alone.
 */
export type RecordedSearch = { path: string; body: string };

export async function startMeiliRecorder(target: string): Promise<{ url: string; take(): RecordedSearch[]; close(): Promise<void> }> {
  let recorded: RecordedSearch[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (request.method === "POST" && /\/(multi-search|indexes\/[^/]+\/search)$/.test(request.url ?? "")) recorded.push({ path: request.url!, body });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) if (typeof v === "string" && !["host", "content-length", "connection"].includes(k)) headers[k] = v;
    const upstream = await fetch(`${target}${request.url}`, { method: request.method, headers, body: chunks.length ? body : undefined });
    response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
