import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeiliClient } from "../../search/client.server";
import { standIn } from "../fixtures/stand-in-meilisearch";
import { encodedChunks, payloadLimit, requestBytes, sendDocuments, type EnqueuedBody } from "../../search/document-requests.server";

// The bodies a rebuild sends, as a stand-in Meilisearch receives them: how documents are joined into
// bodies and where a body ends. What a real Meilisearch stores is tests/integration/document-requests.test.ts.
type Received = { bytes: Buffer; chunked: boolean };
let received: Received[] = [];
let fake: Awaited<ReturnType<typeof standIn>>;

beforeAll(async () => {
  fake = await standIn((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      received.push({ bytes: Buffer.concat(parts), chunked: req.headers["transfer-encoding"] === "chunked" });
      res.writeHead(202, { "content-type": "application/json" });
      res.end(JSON.stringify({ taskUid: received.length, indexUid: "scenarios_new", status: "enqueued", type: "documentAdditionOrUpdate", enqueuedAt: new Date().toISOString() }));
    });
  });
});

afterAll(async () => {
  await fake.close();
});

async function* pagesOf(...pages: object[][]): AsyncGenerator<object[]> {
  for (const page of pages) yield page;
}

const doc = (i: number) => ({ id: `s${i}`, title: `郑州市防汛场景 ${i}`, description: "内涝“预警”\n\\ 与调度".repeat(i % 7) });

async function bodiesOf(pages: object[][], maxBytes?: number) {
  received = [];
  const enqueued: EnqueuedBody[] = [];
  await sendDocuments(createMeiliClient({ host: fake.host, apiKey: "key" }), "scenarios_new", encodedChunks(pagesOf(...pages)), (body) => void enqueued.push(body), maxBytes);
  expect(enqueued.map((e) => e.task.taskUid)).toEqual(received.map((_, i) => i + 1));
  return received.map((r, i) => ({ docs: JSON.parse(r.bytes.toString("utf8")) as { id: string }[], documents: enqueued[i]!.documents, bytes: r.bytes.length, chunked: r.chunked }));
}

describe("a rebuild's request bodies", () => {
  it("join every page into one JSON array when they fit, documents unchanged and in order, streamed", async () => {
    const pages = [Array.from({ length: 1200 }, (_, i) => doc(i)), [], Array.from({ length: 3 }, (_, i) => doc(1200 + i))];
    const bodies = await bodiesOf(pages);
    expect(bodies.map((b) => b.documents)).toEqual([1203]);
    expect(bodies[0]!.docs).toEqual(pages.flat());
    expect(bodies[0]!.chunked).toBe(true);
  });

  it("start a new body before one would pass the size, each a whole JSON array, enqueued in order", async () => {
    const pages = [Array.from({ length: 1200 }, (_, i) => doc(i)), Array.from({ length: 1300 }, (_, i) => doc(1200 + i))];
    const maxBytes = 200_000;
    const bodies = await bodiesOf(pages, maxBytes);
    expect(bodies.length).toBeGreaterThan(2);
    // Chunks are joined across pages up to the size.
    expect(Math.max(...bodies.map((b) => b.documents))).toBeGreaterThan(500);
    expect(bodies.flatMap((b) => b.docs)).toEqual(pages.flat());
    expect(bodies.reduce((n, b) => n + b.documents, 0)).toBe(2500);
    for (const b of bodies) expect(b.documents).toBe(b.docs.length);
    // Only a body of a single encoded chunk (500 documents) may pass the size: it cannot be split further.
    for (const b of bodies) if (b.bytes > maxBytes) expect(b.documents).toBeLessThanOrEqual(500);
  });

  it("are as large as Meilisearch accepts, under the variable it reads", () => {
    const saved = process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
    try {
      delete process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
      expect(payloadLimit()).toBe(100_000_000);
      expect(requestBytes()).toBe(90_000_000);
      process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = "20000000";
      expect(requestBytes()).toBe(18_000_000);
      process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = "100Mb";
      expect(payloadLimit()).toBe(100_000_000);
      expect(requestBytes(1_000_000_000)).toBe(900_000_000);
    } finally {
      if (saved === undefined) delete process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
      else process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = saved;
    }
  });

  it("send nothing for no documents", async () => {
    expect(await bodiesOf([[], []])).toEqual([]);
  });
});
