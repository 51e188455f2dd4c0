import http from "node:http";
import https from "node:https";
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";

/**
 * POST to Meilisearch over Node's own HTTP client with kept-alive connections, for the two requests
 * sent in bulk: a page's searches and a rebuild's documents. The library's `fetch` costs about 1 ms
 * more CPU per search than this for the same request and answer (measured: 2.0–2.3 ms against
 * 1.1–1.3 ms per multi-search, JSON parsing included), and on a 12 MB page of documents it checks
 * the string for lone surrogates and copies it twice more (a third of the CPU a full reindex spends
 * in Node, beside Meilisearch indexing on the same cores). Failures are the library's own error
 * classes, as the client throws them, so `isSearchUnavailable` and the fallback read them the same way.
 */

// Idle connections are closed before Meilisearch's own keep-alive (5 s) would close them under us.
const IDLE_MS = 4_000;
const agents: { http?: http.Agent; https?: https.Agent } = {};

function agentFor(url: URL): { request: typeof http.request; agent: http.Agent } {
  if (url.protocol === "https:") return { request: https.request, agent: (agents.https ??= new https.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: "lifo" })) };
  return { request: http.request, agent: (agents.http ??= new http.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: "lifo" })) };
}

type Answer = { status: number; statusText: string; text: string };

function post(url: URL, headers: Record<string, string>, body: EncodedJson, deadline: number): Promise<Answer> {
  const { request, agent } = agentFor(url);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": String(body.bytes) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    const timer = setTimeout(() => req.destroy(new TimeoutSignal()), Math.max(0, deadline - Date.now()));
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    // Written part by part: joining a rebuild's 64 MB of parts first only copied them once more.
    for (const part of body.parts) req.write(part);
    req.end();
  });
}

class TimeoutSignal extends Error {}

export type MeiliConnection = { host: string; apiKey?: string };

/** JSON already encoded, as the parts of its bytes in order. */
export class EncodedJson {
  readonly bytes: number;
  constructor(readonly parts: Buffer[]) {
    this.bytes = parts.reduce((n, part) => n + part.length, 0);
  }
}

/**
 * POSTs `payload` as JSON to `path` under the host and returns the parsed answer; a payload already
 * encoded is given as the parts of its bytes, in order. Only for requests
 * that may be sent twice: a kept-alive connection the server closed as it was reused is retried once
 * on a new one (a search changes nothing; documents sent again replace themselves by id).
 */
export async function meiliPost<T>({ host, apiKey }: MeiliConnection, path: string, payload: unknown, timeoutMs: number): Promise<T> {
  const url = new URL(path, host.endsWith("/") ? host : `${host}/`);
  const headers: Record<string, string> = { "content-type": "application/json", "accept-encoding": "identity" };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const body = payload instanceof EncodedJson ? payload : new EncodedJson([Buffer.from(JSON.stringify(payload))]);
  const deadline = Date.now() + timeoutMs;
  let answer: Answer;
  try {
    answer = await post(url, headers, body, deadline).catch((error: Error & { reusedSocket?: boolean }) => {
      if (error.reusedSocket && !(error instanceof TimeoutSignal)) return post(url, headers, body, deadline);
      throw error;
    });
  } catch (error) {
    const cause = error instanceof TimeoutSignal ? new MeilisearchRequestTimeOutError(timeoutMs, { method: "POST", headers }) : error;
    throw new MeilisearchRequestError(url.href, cause);
  }
  if (answer.status >= 200 && answer.status <= 299) return JSON.parse(answer.text) as T;
  // Meilisearch explains a refusal in JSON; a proxy in front may answer with a page of its own.
  let explained: unknown;
  try {
    explained = JSON.parse(answer.text);
  } catch {
    explained = undefined;
  }
  throw new MeilisearchApiError(new Response(null, { status: answer.status, statusText: answer.statusText }), explained as never);
}
