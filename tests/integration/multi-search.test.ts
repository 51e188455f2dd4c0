import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type MultiSearchQuery, type SearchResponse } from "meilisearch";
import { TASK_WAIT, useSearch } from "../setup/search-test";
import { standIn } from "../fixtures/stand-in-meilisearch";

// The pages' own transport to Meilisearch: the same answers as the library's client, and failures
// the fallback reads the same way (unreachable, timed out, refused, a proxy's error page).
let search: Awaited<ReturnType<typeof useSearch>>;
let client: typeof import("../../search/client.server");
let transport: typeof import("../../search/multi-search.server");
const INDEX = "multi_search_docs";

beforeAll(async () => {
  search = await useSearch();
  client = await import("../../search/client.server");
  transport = await import("../../search/multi-search.server");
  const index = client.meili().index(`${search.prefix}${INDEX}`);
  await client.meili().createIndex(index.uid, { primaryKey: "id" }).waitTask(TASK_WAIT);
  await index.updateFilterableAttributes(["sector"]).waitTask(TASK_WAIT);
  const docs = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, title: i % 3 === 0 ? `防汛 监测 ${i}` : `交通 信号 ${i}`, sector: i % 2 ? "water" : "transport" }));
  expect((await index.addDocuments(docs).waitTask(TASK_WAIT)).status).toBe("succeeded");
});

afterAll(async () => {
  await search?.cleanup();
});

/** Points the app at a stand-in Meilisearch for one test. */
async function withHost<T>(host: string, run: () => Promise<T>): Promise<T> {
  const real = process.env.MEILI_HOST;
  process.env.MEILI_HOST = host;
  try {
    return await run();
  } finally {
    process.env.MEILI_HOST = real;
  }
}

const queries = (): MultiSearchQuery[] => [
  { indexUid: `${search.prefix}${INDEX}`, q: "防汛", facets: ["sector"], attributesToHighlight: ["title"], limit: 5 },
  { indexUid: `${search.prefix}${INDEX}`, q: "", filter: ["sector = water"], limit: 0, facets: ["sector"] },
];
const withoutTimings = (results: { processingTimeMs?: number }[]) => results.map(({ processingTimeMs: _, ...rest }) => rest);

describe("multiSearch", () => {
  it("answers what the library's client answers for the same queries", async () => {
    const ours = await transport.multiSearch(queries());
    const theirs = (await client.meili().multiSearch({ queries: queries() })).results;
    expect(ours[0]!.hits.length).toBeGreaterThan(0);
    expect(ours[0]!.hits.every((h) => String(h.title).includes("防汛"))).toBe(true);
    expect(ours[1]!.estimatedTotalHits).toBe(15);
    expect(withoutTimings(ours)).toEqual(withoutTimings(theirs));
  });

  it("keeps connections alive between searches", async () => {
    const sockets = new Set<unknown>();
    const fake = await standIn((req, res) => {
      sockets.add(req.socket);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ results: [{ hits: [] }] }));
    });
    try {
      await withHost(fake.host, async () => {
        for (let i = 0; i < 5; i++) await transport.multiSearch(queries());
      });
      expect(sockets.size).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it("sends a search again, once, when the server closed the kept-alive connection it went out on", async () => {
    let served = 0;
    const fake = await standIn((req, res) => {
      served += 1;
      // The second request arrives on the first connection: drop it as an idle close would.
      if (served === 2) return void req.socket.destroy();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ results: [{ hits: [{ id: `n${served}` }] }] }));
    });
    try {
      const answers = await withHost(fake.host, async () => [await transport.multiSearch(queries()), await transport.multiSearch(queries())]);
      expect(answers.map((a) => a[0]!.hits[0]!.id)).toEqual(["n1", "n3"]);
    } finally {
      await fake.close();
    }
  });

  it("says search is unavailable when nothing listens", async () => {
    const fake = await standIn(() => undefined);
    const { host } = fake;
    await fake.close();
    const error = await withHost(host, () => transport.multiSearch(queries())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect(client.isSearchUnavailable(error)).toBe(true);
  });

  it("gives up after its timeout, as a request error whose cause is the timeout", async () => {
    const fake = await standIn(() => undefined); // never answers
    try {
      const started = Date.now();
      const error = await withHost(fake.host, () => transport.multiSearch(queries(), { timeoutMs: 300 })).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(MeilisearchRequestError);
      expect((error as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
      expect(JSON.stringify((error as Error).cause)).not.toContain(search.apiKey);
      expect(client.isSearchUnavailable(error)).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it("passes Meilisearch's refusal on as an API error: a bad filter is a bug, a missing index is unavailable", async () => {
    const bad = await transport.multiSearch([{ indexUid: `${search.prefix}${INDEX}`, q: "", filter: ["nosuchfield = 1"] }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(MeilisearchApiError);
    expect((bad as MeilisearchApiError).response.status).toBe(400);
    expect((bad as MeilisearchApiError).cause?.code).toBe("invalid_search_filter");
    expect(client.isSearchUnavailable(bad)).toBe(false);
    const missing = await transport.multiSearch([{ indexUid: `${search.prefix}missing`, q: "" }]).catch((e: unknown) => e);
    expect((missing as MeilisearchApiError).cause?.code).toBe("index_not_found");
    expect(client.isSearchUnavailable(missing)).toBe(true);
  });

  it("reads a proxy's error page as Meilisearch unavailable, not as a crash", async () => {
    const fake = await standIn((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad gateway</body></html>");
    });
    try {
      const error = await withHost(fake.host, () => transport.multiSearch(queries())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeilisearchApiError);
      expect((error as MeilisearchApiError).response.status).toBe(502);
      expect(client.isSearchUnavailable(error)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe("multiSearch together", () => {
  /** A stand-in that answers each query with one hit naming its `q`, and counts the requests it serves. */
  async function echoing() {
    const bodies: { queries: MultiSearchQuery[] }[] = [];
    const fake = await standIn((req, res) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk));
      req.on("end", () => {
        const body = JSON.parse(text) as { queries: MultiSearchQuery[] };
        bodies.push(body);
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ results: body.queries.map((q) => ({ hits: [{ id: q.q }] })) }));
      });
    });
    return { ...fake, bodies };
  }
  const named = (...qs: string[]): MultiSearchQuery[] => qs.map((q) => ({ indexUid: "x", q }));
  const ids = (results: SearchResponse[]) => results.map((r) => r.hits[0]!.id);

  it("sends searches started in the same turn as one request, each caller getting its own results in order", async () => {
    const fake = await echoing();
    try {
      const answers = await withHost(fake.host, () => Promise.all([
        transport.multiSearch(named("a1", "a2"), { together: true }),
        transport.multiSearch(named("b1"), { together: true }),
        transport.multiSearch(named("c1", "c2", "c3"), { together: true }),
      ]));
      expect(answers.map(ids)).toEqual([["a1", "a2"], ["b1"], ["c1", "c2", "c3"]]);
      expect(fake.bodies.map((b) => b.queries.length)).toEqual([6]);
    } finally {
      await fake.close();
    }
  });

  it("sends alone a search not marked together, one started in a later turn, and every caller past the limit in a request of its own", async () => {
    const fake = await echoing();
    try {
      await withHost(fake.host, async () => {
        const first = transport.multiSearch(named("t1"), { together: true });
        const alone = transport.multiSearch(named("alone"));
        await first;
        await transport.multiSearch(named("t2"), { together: true });
        await alone;
        const many = Array.from({ length: transport.MAX_TOGETHER + 3 }, (_, i) => transport.multiSearch(named(`m${i}`), { together: true }));
        expect((await Promise.all(many)).map((r) => ids(r)[0])).toEqual(Array.from({ length: transport.MAX_TOGETHER + 3 }, (_, i) => `m${i}`));
      });
      const sent = fake.bodies.map((b) => b.queries.map((q) => q.q).join(","));
      expect(sent.slice(0, 3).sort()).toEqual(["alone", "t1", "t2"]);
      expect(fake.bodies.slice(3).map((b) => b.queries.length)).toEqual([transport.MAX_TOGETHER, 3]);
    } finally {
      await fake.close();
    }
  });

  it("fails only the caller whose query Meilisearch refuses; the others are answered", async () => {
    const indexUid = `${search.prefix}${INDEX}`;
    const [good, bad, other] = await Promise.allSettled([
      transport.multiSearch([{ indexUid, q: "防汛", limit: 3 }], { together: true }),
      transport.multiSearch([{ indexUid, q: "", filter: ["nosuchfield = 1"] }], { together: true }),
      transport.multiSearch([{ indexUid, q: "", filter: ["sector = water"], limit: 0 }], { together: true }),
    ]);
    expect(good.status).toBe("fulfilled");
    expect((good as PromiseFulfilledResult<{ hits: { title?: unknown }[] }[]>).value[0]!.hits.every((h) => String(h.title).includes("防汛"))).toBe(true);
    expect(bad.status).toBe("rejected");
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(MeilisearchApiError);
    expect(((bad as PromiseRejectedResult).reason as MeilisearchApiError).cause?.code).toBe("invalid_search_filter");
    expect((other as PromiseFulfilledResult<{ estimatedTotalHits?: number }[]>).value[0]!.estimatedTotalHits).toBe(15);
  });

  it("fails every caller as unavailable when nothing listens, asking once", async () => {
    const fake = await standIn(() => undefined);
    const { host } = fake;
    await fake.close();
    const errors = await withHost(host, () => Promise.all([1, 2, 3].map((i) => transport.multiSearch(named(`u${i}`), { together: true }).catch((e: unknown) => e))));
    for (const error of errors) {
      expect(error).toBeInstanceOf(MeilisearchRequestError);
      expect(client.isSearchUnavailable(error)).toBe(true);
    }
  });

  it("fails every caller once, not each again, when a proxy answers with its error page", async () => {
    let served = 0;
    const fake = await standIn((_req, res) => {
      served += 1;
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad gateway</body></html>");
    });
    try {
      const errors = await withHost(fake.host, () => Promise.all([1, 2].map((i) => transport.multiSearch(named(`p${i}`), { together: true }).catch((e: unknown) => e))));
      expect(errors.every((e) => e instanceof MeilisearchApiError && client.isSearchUnavailable(e))).toBe(true);
      expect(served).toBe(1);
    } finally {
      await fake.close();
    }
  });
});
