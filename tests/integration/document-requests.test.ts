import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeilisearchApiError, type EnqueuedTask } from "meilisearch";
import { TASK_WAIT, useSearch } from "../setup/search-test";
import { standIn } from "../fixtures/stand-in-meilisearch";

// A rebuild's documents as they travel: encoded in chunks, streamed as one body over Node's own HTTP
// client. What Meilisearch stores must be the documents as built, a body it refuses must fail the
// rebuild with Meilisearch's own explanation, and a body whose documents fail to come must not be
// enqueued at all.
let search: Awaited<ReturnType<typeof useSearch>>;
let client: typeof import("../../search/client.server");
let requests: typeof import("../../search/document-requests.server");

beforeAll(async () => {
  search = await useSearch();
  client = await import("../../search/client.server");
  requests = await import("../../search/document-requests.server");
});

afterAll(async () => {
  await search?.cleanup();
});

async function* pages(...list: object[][]): AsyncGenerator<object[]> {
  for (const page of list) yield page;
}

describe("a rebuild's documents", () => {
  it("reach Meilisearch as built, in one task, across pages and chunks", async () => {
    const uid = `${search.prefix}document_requests`;
    const docs = Array.from({ length: 1203 }, (_, i) => ({
      id: `s${i}`, title: `郑州市“智慧防汛”场景 ${i}`, description: `第一行\n第二行 \\ "引号" ${"内涝".repeat(i % 5)}`, tags: i % 2 ? ["水利", "IoT"] : [],
    }));
    const meili = client.meili();
    await meili.createIndex(uid, { primaryKey: "id" }).waitTask(TASK_WAIT);
    const tasks: EnqueuedTask[] = [];
    await requests.sendDocuments(meili, uid, requests.encodedChunks(pages(docs.slice(0, 700), [], docs.slice(700))), ({ task, documents }) => {
      expect(documents).toBe(1203);
      tasks.push(task);
    });
    expect(tasks).toHaveLength(1);
    expect((await meili.tasks.waitForTask(tasks[0]!.taskUid, TASK_WAIT)).status).toBe("succeeded");
    const stored = await meili.index(uid).getDocuments({ limit: 2000 });
    expect(stored.total).toBe(1203);
    const byId = new Map(stored.results.map((d) => [d.id as string, d]));
    for (const doc of [docs[0]!, docs[1]!, docs[604]!, docs[1202]!]) expect(byId.get(doc.id)).toEqual(doc);
  });

  it("refused by Meilisearch fail with its own explanation, as an API error", async () => {
    const fake = await standIn((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(413, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "The provided payload reached the size limit. The maximum accepted payload size is 10 B.", code: "payload_too_large", type: "invalid_request", link: "" }));
      });
    });
    try {
      const refusing = client.createMeiliClient({ host: fake.host, apiKey: "key" });
      const failure = await requests.sendDocuments(refusing, "scenarios_new", requests.encodedChunks(pages([{ id: "a", title: "防汛" }])), () => {})
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MeilisearchApiError);
      expect((failure as MeilisearchApiError).response.status).toBe(413);
      expect((failure as MeilisearchApiError).cause?.code).toBe("payload_too_large");
      expect(client.isSearchUnavailable(failure)).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it("whose documents fail to come are not enqueued: Meilisearch never sees the body's end", async () => {
    const uid = `${search.prefix}document_requests_failed`;
    const meili = client.meili();
    const before = (await meili.tasks.getTasks({ indexUids: [uid] })).results.length;
    let closed = false;
    async function* failing(): AsyncGenerator<object[]> {
      try {
        yield Array.from({ length: 800 }, (_, i) => ({ id: `f${i}`, title: `无法读完的场景 ${i}` }));
        throw new Error("connection to the database lost");
      } finally {
        closed = true;
      }
    }
    const enqueued: unknown[] = [];
    const failure = await requests.sendDocuments(meili, uid, requests.encodedChunks(failing()), (body) => void enqueued.push(body)).catch((error: unknown) => error);
    expect((failure as Error).message).toBe("connection to the database lost");
    expect(closed).toBe(true);
    expect(enqueued).toEqual([]);
    // A task enqueued from a half body would show here (it would be listed even if it then failed).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await meili.tasks.getTasks({ indexUids: [uid] })).results.length).toBe(before);
  });
});
