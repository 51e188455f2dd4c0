import type { EnqueuedTask, Meilisearch } from "meilisearch";
import { EncodedJson, meiliPost } from "./meili-http.server";

/**
 * How a rebuild's documents travel: encoded as JSON in chunks as they are built, joined into request
 * bodies as large as Meilisearch accepts, and sent over Node's own HTTP client.
 *
 * Large bodies, because Meilisearch indexes everything enqueued for an index while it was busy as one
 * batch, but starts on whatever has arrived for an idle index: the 10,000 cases sent in two pages were
 * indexed in two batches (3.9 s and 3.8 s), and 100,000 scenarios in three (500, 27,000 and 72,545
 * documents) took 15% longer than in one. An index that fits in one body is indexed in one batch
 * whenever it arrives.
 *
 * Node's own HTTP client, because the library's `fetch` spent more CPU on a rebuild's bodies than
 * building them did (it checks the string for lone surrogates and copies it twice more), while
 * Meilisearch needs both cores for indexing them.
 */

/**
 * The largest body Meilisearch accepts: the variable Meilisearch itself reads for it, where set for
 * both, else Meilisearch's default (100 MB). The embedded Meilisearch accepts more (embedded-meilisearch.ts).
 */
export function payloadLimit(): number {
  const configured = Number(process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : 100_000_000;
}

// A body is built in memory before it is sent: at most this much, whatever Meilisearch accepts.
export const MAX_BODY_BYTES = 512 * 1024 * 1024;

/** The size of the bodies sent to a Meilisearch that accepts `limit` bytes: a tenth kept for the brackets and commas of a chunk past it. */
export function requestBytes(limit = payloadLimit()): number {
  return Math.min(MAX_BODY_BYTES, Math.floor(limit * 0.9));
}

// A listing's texts may reach 20,000 characters each: chunks of this many documents keep one chunk
// far under any body size.
const ENCODE_CHUNK = 500;

export type RequestBody = { body: EncodedJson; documents: number };

/** The pages' documents as JSON array bodies of up to `maxBytes` each, in order; none when there are none. */
export async function* requestBodies(pages: AsyncIterable<object[]>, maxBytes = requestBytes()): AsyncGenerator<RequestBody> {
  const [open, comma, close] = ["[", ",", "]"].map((mark) => Buffer.from(mark)) as [Buffer, Buffer, Buffer];
  let parts: Buffer[] = [];
  let bytes = 0;
  let documents = 0;
  const flush = (): RequestBody => {
    const body = new EncodedJson([open, ...parts.flatMap((part, i) => (i === 0 ? [part] : [comma, part])), close]);
    const request = { body, documents };
    parts = [];
    bytes = 0;
    documents = 0;
    return request;
  };
  for await (const page of pages) {
    for (let i = 0; i < page.length; i += ENCODE_CHUNK) {
      const chunk = page.slice(i, i + ENCODE_CHUNK);
      // The array's own brackets dropped: the chunk's documents are joined into the body's array.
      const encoded = Buffer.from(JSON.stringify(chunk)).subarray(1, -1);
      if (documents > 0 && bytes + encoded.length + 2 > maxBytes) yield flush();
      parts.push(encoded);
      bytes += encoded.length + 1;
      documents += chunk.length;
    }
  }
  if (documents > 0) yield flush();
}

/** One body of documents for index `uid`, enqueued (documents sent again replace themselves by id). */
export function sendDocuments(client: Meilisearch, uid: string, body: EncodedJson): Promise<EnqueuedTask> {
  const { host, apiKey, timeout } = client.config;
  return meiliPost<EnqueuedTask>({ host, apiKey }, `indexes/${encodeURIComponent(uid)}/documents?primaryKey=id`, body, timeout ?? 120_000);
}
