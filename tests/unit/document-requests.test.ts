import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, payloadLimit, requestBodies, requestBytes } from "../../search/document-requests.server";

async function* pagesOf(...pages: object[][]): AsyncGenerator<object[]> {
  for (const page of pages) yield page;
}

const doc = (i: number) => ({ id: `s${i}`, title: `郑州市防汛场景 ${i}`, description: "内涝“预警”\n\\ 与调度".repeat(i % 7) });

async function bodiesOf(pages: object[][], maxBytes?: number) {
  const out: { docs: { id: string }[]; documents: number; bytes: number }[] = [];
  for await (const { body, documents } of requestBodies(pagesOf(...pages), maxBytes)) {
    const bytes = Buffer.concat(body.parts);
    out.push({ docs: JSON.parse(bytes.toString("utf8")) as { id: string }[], documents, bytes: bytes.length });
  }
  return out;
}

describe("a rebuild's request bodies", () => {
  it("join every page into one JSON array when they fit, documents unchanged and in order", async () => {
    const pages = [Array.from({ length: 1200 }, (_, i) => doc(i)), [], Array.from({ length: 3 }, (_, i) => doc(1200 + i))];
    const bodies = await bodiesOf(pages);
    expect(bodies.map((b) => b.documents)).toEqual([1203]);
    expect(bodies[0]!.docs).toEqual(pages.flat());
  });

  it("start a new body before one would pass the size, each a whole JSON array", async () => {
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

  it("are as large as Meilisearch accepts, under the variable it reads, within what is held in memory", () => {
    const saved = process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
    try {
      delete process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
      expect(payloadLimit()).toBe(100_000_000);
      expect(requestBytes()).toBe(90_000_000);
      process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = "20000000";
      expect(requestBytes()).toBe(18_000_000);
      process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = "100Mb";
      expect(payloadLimit()).toBe(100_000_000);
      expect(requestBytes(1_000_000_000)).toBe(MAX_BODY_BYTES);
    } finally {
      if (saved === undefined) delete process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
      else process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = saved;
    }
  });

  it("yield nothing for no documents", async () => {
    expect(await bodiesOf([[], []])).toEqual([]);
  });
});
