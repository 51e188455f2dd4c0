import type { EnqueuedTask, Meilisearch } from "meilisearch";
import { meiliPostStream } from "./meili-http.server";

/**
 * How a rebuild's documents travel: encoded as JSON in chunks as they are built, and streamed to
 * Meilisearch as they are encoded, in request bodies as large as Meilisearch accepts, over Node's own
 * HTTP client.
 *
 * Large bodies, because Meilisearch indexes everything enqueued for an index while it was busy as one
 * batch, but starts on whatever has arrived for an idle index: the 10,000 cases sent in two pages were
 * indexed in two batches (3.9 s and 3.8 s), and 100,000 scenarios in three (500, 27,000 and 72,545
 * documents) took 15% longer than in one. An index that fits in one body is indexed in one batch
 * whenever it arrives.
 *
 * Streamed, because the rebuild then holds a chunk of a body in memory, not all of it (250 MB for
 * 100,000 listings), and Meilisearch receives the body while the rest is built. It still enqueues a
 * body only once it has all arrived and it has read it through (1.0–1.2 s for those 250 MB).
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

/** The size of the bodies sent to a Meilisearch that accepts `limit` bytes: a tenth kept for a chunk that alone passes it. */
export function requestBytes(limit = payloadLimit()): number {
  return Math.floor(limit * 0.9);
}

// A listing's texts may reach 20,000 characters each: chunks of this many documents keep one chunk
// far under any body size.
const ENCODE_CHUNK = 500;

/** Documents encoded as the items of a JSON array, without its brackets. */
export type EncodedChunk = { bytes: Buffer; documents: number };

/**
 * The pages' documents, encoded in order, up to ENCODE_CHUNK to a chunk. As UTF-8 by a TextEncoder:
 * `Buffer.from` took 3.6 times as long on a 1.2 MB chunk of Chinese text (Node 20); for 100,000
 * listings the encoder saved 0.1–0.7 s of Node CPU (ADR 013).
 */
export async function* encodedChunks(pages: AsyncIterable<object[]>): AsyncGenerator<EncodedChunk> {
  const encoder = new TextEncoder();
  for await (const page of pages) {
    for (let i = 0; i < page.length; i += ENCODE_CHUNK) {
      const chunk = page.slice(i, i + ENCODE_CHUNK);
      const array = encoder.encode(JSON.stringify(chunk));
      yield { bytes: Buffer.from(array.buffer, array.byteOffset + 1, array.byteLength - 2), documents: chunk.length };
    }
  }
}

export type EnqueuedBody = { task: EnqueuedTask; documents: number };

/**
 * Sends the chunks to index `uid` (documents sent again replace themselves by id) as JSON array
 * bodies of up to `maxBytes` each, each streamed while its chunks come; a body of one chunk may pass
 * the size, since a chunk is not split. `enqueued` is called once Meilisearch has enqueued a body,
 * before the next is started, so the bodies are enqueued in order. Nothing is sent for no chunks.
 */
export async function sendDocuments(
  client: Meilisearch, uid: string, chunks: AsyncIterable<EncodedChunk>,
  enqueued: (body: EnqueuedBody) => void | Promise<void>, maxBytes = requestBytes(),
): Promise<void> {
  const { host, apiKey, timeout } = client.config;
  const path = `indexes/${encodeURIComponent(uid)}/documents?primaryKey=id`;
  const [open, comma, close] = ["[", ",", "]"].map((mark) => Buffer.from(mark)) as [Buffer, Buffer, Buffer];
  const source = chunks[Symbol.asyncIterator]();
  let next = await source.next();
  try {
    while (!next.done) {
      let bytes = 0;
      let documents = 0;
      // Ends before the chunk that would pass the size, which then opens the next body.
      async function* body(): AsyncGenerator<Buffer> {
        yield open;
        while (!next.done) {
          const chunk: EncodedChunk = next.value;
          if (documents > 0 && bytes + chunk.bytes.length + 2 > maxBytes) break;
          if (documents > 0) yield comma;
          yield chunk.bytes;
          bytes += chunk.bytes.length + 1;
          documents += chunk.documents;
          next = await source.next();
        }
        yield close;
      }
      const task = await meiliPostStream<EnqueuedTask>({ host, apiKey }, path, body(), timeout ?? 120_000);
      await enqueued({ task, documents });
    }
  } finally {
    // A failed body leaves the rest unread: the source (a database scan) is closed.
    if (!next.done) await source.return?.();
  }
}
