import http from "node:http";
import https from "node:https";
import { once } from "node:events";
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

/**
 * A POST whose answer is read whole, failed once `deadline` passes (`arm` moves it). `pooled`: on a
 * kept-alive connection (searches); a streamed body goes on a connection of its own, which no one can
 * have closed before it is used.
 */
function open(url: URL, headers: Record<string, string>, deadline: number, pooled: boolean) {
  const { request, agent } = agentFor(url);
  let req!: http.ClientRequest;
  let timer: NodeJS.Timeout | undefined;
  const arm = (at: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => req.destroy(new TimeoutSignal()), Math.max(0, at - Date.now()));
  };
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(url, { method: "POST", headers, agent: pooled ? agent : false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
  });
  arm(deadline);
  return { req, answer, arm };
}

function post(url: URL, headers: Record<string, string>, body: Buffer, deadline: number): Promise<Answer> {
  const { req, answer } = open(url, { ...headers, "content-length": String(body.length) }, deadline, true);
  req.end(body);
  return answer;
}

/**
 * The body written as its parts come, failed when `timeoutMs` pass without a part written or, after
 * the last, without the answer. A part that fails to come (a failed read) aborts the request, so
 * Meilisearch, which never sees the body's end, enqueues nothing; an answer before the end (a
 * refusal) stops the writing.
 */
async function postStream(url: URL, headers: Record<string, string>, parts: AsyncIterable<Buffer>, timeoutMs: number): Promise<Answer> {
  const { req, answer, arm } = open(url, headers, Date.now() + timeoutMs, false);
  let settled = false;
  const stopped = answer.then(() => (settled = true), () => (settled = true));
  try {
    for await (const part of parts) {
      if (settled) break;
      if (!req.write(part)) await Promise.race([once(req, "drain"), stopped]);
      arm(Date.now() + timeoutMs);
    }
    req.end();
  } catch (error) {
    req.destroy();
    throw error;
  }
  return answer;
}

class TimeoutSignal extends Error {}

type MeiliConnection = { host: string; apiKey?: string };

const endpoint = (host: string, path: string) => new URL(path, host.endsWith("/") ? host : `${host}/`);

function headersFor(apiKey?: string): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", "accept-encoding": "identity" };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}

/** Meilisearch's answer parsed, or the client's own error for a failure or a refusal. */
async function answered<T>(url: URL, headers: Record<string, string>, timeoutMs: number, send: () => Promise<Answer>): Promise<T> {
  let answer: Answer;
  try {
    answer = await send();
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

/**
 * POSTs `payload` as JSON to `path` under the host and returns the parsed answer. Only for requests
 * that may be sent twice: a kept-alive connection the server closed as it was reused is retried once
 * on a new one (a search changes nothing).
 */
export function meiliPost<T>({ host, apiKey }: MeiliConnection, path: string, payload: unknown, timeoutMs: number): Promise<T> {
  const url = endpoint(host, path);
  const headers = headersFor(apiKey);
  const body = Buffer.from(JSON.stringify(payload));
  const deadline = Date.now() + timeoutMs;
  return answered<T>(url, headers, timeoutMs, () =>
    post(url, headers, body, deadline).catch((error: Error & { reusedSocket?: boolean }) => {
      if (error.reusedSocket && !(error instanceof TimeoutSignal)) return post(url, headers, body, deadline);
      throw error;
    }),
  );
}

/**
 * POSTs a JSON body to `path` under the host as its parts come (chunked), and returns the parsed
 * answer: Meilisearch receives a rebuild's documents while they are still being built. A part that
 * fails to come fails the request with its own error, not as Meilisearch's.
 */
export async function meiliPostStream<T>({ host, apiKey }: MeiliConnection, path: string, parts: AsyncIterable<Buffer>, timeoutMs: number): Promise<T> {
  const url = endpoint(host, path);
  const headers = headersFor(apiKey);
  let failed: { error: unknown } | undefined;
  async function* watched() {
    try {
      yield* parts;
    } catch (error) {
      failed = { error };
      throw error;
    }
  }
  try {
    return await answered<T>(url, headers, timeoutMs, () => postStream(url, headers, watched(), timeoutMs));
  } catch (error) {
    throw failed ? failed.error : error;
  }
}
