import autocannon from "autocannon";
import { percentile } from "./stats";

/** One load run: pages (or calls) per second, median and p95 latency, from every response. */
export type LoadResult = { requests: number; perSecond: number; medianMs: number; p95Ms: number; errors: number };

export type LoadRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export async function load(base: string, requests: LoadRequest[], options: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: requests.map((r) => ({ method: r.method ?? "GET", path: r.path, headers: r.headers, body: r.body })),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    requests: latencies.length,
    perSecond: Number((latencies.length / options.seconds).toFixed(1)),
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    errors,
  };
}
