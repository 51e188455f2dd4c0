import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meilisearch } from "meilisearch";
import { useAppDatabase } from "../setup/app-database";
import { TASK_WAIT, useSearch } from "../setup/search-test";
import { createScenario } from "../fixtures/scenarios";
import { scenarioInput as validScenarioInput } from "../fixtures/interested";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";
import type { ScenarioInput } from "../../app/modules/scenarios/schema";
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { ScenarioStatus } from "../../app/generated/prisma/enums";

// Index sync against the real embedded Meilisearch (one per run; this file has its own index prefix).
let cleanups: (() => Promise<void>)[] = [];
let db: PrismaClient;
let client: Meilisearch;
let INDEXES: typeof import("../../search/client.server")["INDEXES"];
let sync: typeof import("../../search/sync.server");
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");
let jobs: typeof import("../../app/utils/jobs.server");
let department: { id: string };
let officer: { id: string };
const ids: Record<string, string> = {};
let prefix = "";

type Seed = { title: string; summary: string; description?: string; sector: string; techTags: string[]; status?: ScenarioStatus; district?: string };

async function seedScenario(seed: Seed): Promise<string> {
  const row = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: seed.status, title: seed.title });
  await db.scenario.update({
    where: { id: row.id },
    data: { summary: seed.summary, description: seed.description ?? seed.summary, sector: seed.sector, techTags: seed.techTags, district: seed.district ?? "zhengdong" },
  });
  return row.id;
}

async function search(q: string, params: Parameters<ReturnType<Meilisearch["index"]>["search"]>[1] = {}) {
  return client.index(INDEXES.scenarios).search<{ id: string; title: string }>(q, params);
}
const titles = async (q: string, params = {}) => (await search(q, params)).hits.map((h) => h.title);

/** Runs every queued search-sync job the way the worker does (fetch a batch, sync, complete). */
async function drainSyncQueue(): Promise<number> {
  const boss = await jobs.startBoss();
  let handled = 0;
  for (;;) {
    const batch = await boss.fetch(jobs.QUEUES.searchSync, { batchSize: sync.SYNC_BATCH_SIZE });
    if (!batch.length) return handled;
    await sync.syncSearch(batch.map((j) => j.data), { db });
    await boss.complete(jobs.QUEUES.searchSync, batch.map((j) => j.id));
    handled += batch.length;
  }
}

// The shared valid form input, as an agriculture listing.
function scenarioInput(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return validScenarioInput({
    title: "智慧农业病虫害识别", summary: "田间病虫害图像识别与预警", description: "## 需求\n\n小麦条锈病早期识别。",
    sector: "agriculture", district: "zhongmu", contactEmail: "agri@test.example.cn", ...overrides,
  });
}

beforeAll(async () => {
  const database = await useAppDatabase();
  const searchEnv = await useSearch();
  cleanups = [database.cleanup, searchEnv.cleanup];
  prefix = searchEnv.prefix;
  db = (await import("../../app/utils/db.server")).db;
  ({ INDEXES } = await import("../../search/client.server"));
  client = (await import("../../search/client.server")).meili();
  sync = await import("../../search/sync.server");
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
  jobs = await import("../../app/utils/jobs.server");
  department = await createOrganisation(db, "department", `郑州市测试局 ${uniqueSuffix()}`);
  officer = await createUser(db, "officer", { orgId: department.id });

  ids.medical = await seedScenario({ title: "医疗影像辅助诊断", summary: "基层医院 CT 阅片与肺结节筛查", sector: "healthcare", techTags: ["computer_vision"] });
  ids.reservoir = await seedScenario({ title: "中小水库水位智能监测预警", summary: "对全市中小水库的水位与雨量实时监测，超警戒自动预警", sector: "disaster_prevention", techTags: ["smart_sensors"], district: "xinmi" });
  ids.llm = await seedScenario({ title: "政务服务大模型智能问答", summary: "12345 热线政策咨询自动应答", sector: "government_services", techTags: [] });
  ids.closed = await seedScenario({ title: "交通信号灯智能配时", summary: "路口信号配时优化", sector: "transport", techTags: ["optimization"], status: "closed" });
  ids.draft = await seedScenario({ title: "草稿 医疗影像质控", summary: "尚未发布的医疗影像质控需求", sector: "healthcare", techTags: ["computer_vision"], status: "draft" });
  ids.cancelled = await seedScenario({ title: "已撤销 医疗影像云平台", summary: "撤榜的医疗影像云", sector: "healthcare", techTags: [], status: "cancelled" });
  await sync.syncSearch(Object.values(ids).map((id) => ({ kind: "scenario", id })), { db });
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("Chinese full-text search", () => {
  it("影像 finds 医疗影像辅助诊断, and never the draft or the cancelled listing with the same word", async () => {
    expect(await titles("影像")).toEqual(["医疗影像辅助诊断"]);
  });

  it("水位 finds the reservoir water-level scenario", async () => {
    expect(await titles("水位")).toEqual(["中小水库水位智能监测预警"]);
  });

  it("synonyms: LLM and 大语言模型 find the 大模型 listing, UAV-free listings stay out", async () => {
    expect(await titles("LLM")).toEqual(["政务服务大模型智能问答"]);
    expect(await titles("大语言模型")).toEqual(["政务服务大模型智能问答"]);
    expect(await titles("防洪")).toEqual([]); // no listing is about floods: a synonym must not invent matches
  });

  it("highlights the matched words", async () => {
    const { hits } = await search("水位", { attributesToHighlight: ["title"], highlightPreTag: "<mark>", highlightPostTag: "</mark>" });
    expect((hits[0] as unknown as { _formatted: { title: string } })._formatted.title).toContain("<mark>水位</mark>");
  });
});

describe("filters and facets", () => {
  it("filters by sector and by status, with facet counts", async () => {
    expect(await titles("", { filter: "sector = healthcare" })).toEqual(["医疗影像辅助诊断"]);
    expect(await titles("", { filter: "status = closed" })).toEqual(["交通信号灯智能配时"]);
    const { facetDistribution } = await search("", { facets: ["status", "sector", "budgetBand"] });
    expect(facetDistribution?.status).toEqual({ published: 3, closed: 1 });
    expect(facetDistribution?.budgetBand).toEqual({ "50w_200w": 4 });
  });

  it("sorts by deadline and filters a deadline window", async () => {
    const soon = Math.floor(Date.now() / 1000) + 60 * 86_400;
    const { hits } = await search("", { filter: `deadline <= ${soon}`, sort: ["deadline:asc"] });
    expect(hits.length).toBe(4);
  });
});

describe("sync through the scenario commands and the job queue", () => {
  it("create (draft) stays out, publish brings it in, amend re-syncs, cancel removes it", async () => {
    await drainSyncQueue();
    const actor = { id: officer.id };
    const created = await commands.createDraft(actor, department.id, scenarioInput());
    expect(await drainSyncQueue()).toBe(1);
    expect(await titles("病虫害")).toEqual([]);

    await commands.publishScenario(actor, { id: created.id, departmentId: department.id, version: 1 });
    await drainSyncQueue();
    expect(await titles("病虫害")).toEqual(["智慧农业病虫害识别"]);

    await commands.amendScenario(actor, { id: created.id, departmentId: department.id, version: 2 }, scenarioInput({ title: "智慧农业病虫害与墒情识别", summary: "田间虫情与土壤墒情监测" }), "补充墒情");
    await drainSyncQueue();
    expect(await titles("墒情")).toEqual(["智慧农业病虫害与墒情识别"]);
    expect((await search("", { filter: `id = "${created.id}"` })).hits).toHaveLength(1);

    await commands.cancelScenario(actor, { id: created.id, departmentId: department.id }, "经费调整，撤销本榜单");
    await drainSyncQueue();
    expect(await titles("墒情")).toEqual([]);
  });

  it("is idempotent: replaying old jobs leaves the index as the database says", async () => {
    const jobsAgain = Object.values(ids).map((id) => ({ kind: "scenario" as const, id }));
    const first = await sync.syncSearch([...jobsAgain, ...jobsAgain], { db });
    expect(first.upserted + first.deleted).toBe(Object.keys(ids).length * 2); // scenarios + cases per id, deduplicated
    expect((await search("")).estimatedTotalHits).toBe(4);
  });

  it("indexes vendor and institute profiles, never departments, and follows verification", async () => {
    const vendor = await db.organisation.create({
      data: { name: `中原飞鹰无人机 ${uniqueSuffix()}`, type: "vendor", verified: false, intro: "专业无人机巡检与遥感测绘", techTags: ["uav"], sectors: ["ecology"],
        pastCases: { create: [{ title: "黄河堤防巡检", sector: "ecology", year: 2024 }] } },
      select: { id: true },
    });
    await sync.syncSearch([{ kind: "organisation", id: vendor.id }, { kind: "organisation", id: department.id }], { db });
    const vendors = client.index(INDEXES.vendors);
    const { hits } = await vendors.search<{ id: string; verified: boolean }>("UAV");
    expect(hits.map((h) => [h.id, h.verified])).toEqual([[vendor.id, false]]);
    expect((await vendors.search("", { filter: `id = "${department.id}"` })).hits).toHaveLength(0);

    await db.organisation.update({ where: { id: vendor.id }, data: { verified: true } });
    await sync.syncSearch([{ kind: "organisation", id: vendor.id }], { db });
    expect((await vendors.search("", { filter: "verified = true" })).hits.map((h) => h.id)).toContain(vendor.id);
  });
});

describe("the worker and a Meilisearch that is down", () => {
  it("a sync against an unreachable Meilisearch fails fast (so pg-boss retries) and succeeds once it is back", async () => {
    const { createMeiliClient, isSearchUnavailable, searchAvailable } = await import("../../search/client.server");
    const dead = createMeiliClient({ host: "http://127.0.0.1:9", timeout: 500 });
    const job = { kind: "scenario" as const, id: ids.reservoir! };
    const started = Date.now();
    const error = await sync.syncSearch([job], { db, client: dead }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    // The search pages use this to choose the database fallback instead of an error page.
    expect(isSearchUnavailable(error)).toBe(true);
    expect(await searchAvailable()).toBe(true);
    const badFilter = await client.index(INDEXES.scenarios).search("", { filter: "nope = 1" }).catch((e: unknown) => e);
    expect(isSearchUnavailable(badFilter)).toBe(false);
    await expect(sync.syncSearch([job], { db })).resolves.toEqual({ upserted: 1, deleted: 1 });
  });

  it("the registered worker picks jobs from the queue and applies them", { timeout: 90_000 }, async () => {
    const boss = await jobs.startBoss();
    await sync.registerSearchSyncWorker(boss, db);
    try {
      const actor = { id: officer.id };
      const created = await commands.createDraft(actor, department.id, scenarioInput({ title: "城市内涝积水点智能识别", summary: "道路积水视频识别" }));
      await commands.publishScenario(actor, { id: created.id, departmentId: department.id, version: 1 });
      // Generous: on a loaded machine the worker's poll and the index task can take a while.
      const deadline = Date.now() + 60_000;
      while ((await titles("积水")).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await titles("积水")).toEqual(["城市内涝积水点智能识别"]);
    } finally {
      await boss.offWork(jobs.QUEUES.searchSync);
    }
  });
});

describe("reindex", () => {
  it("rebuilds into new indexes and swaps them in: documents stay queryable throughout, counts match", async () => {
    const { reindexAll } = await import("../../search/reindex.server");
    const { searchHealth } = await import("../../search/health.server");
    const expected = (await search("")).estimatedTotalHits;
    const seen: number[] = [];
    let written = false;
    let polling = true;
    // A reader hammering the live index while the rebuild runs must never see it empty or partial.
    const poller = (async () => {
      while (polling) seen.push((await search("")).estimatedTotalHits ?? -1);
    })();
    const summary = await reindexAll({
      db,
      batchSize: 2,
      onProgress: async ({ index, done, total }) => {
        if (written || index !== "scenarios" || done < total) return;
        written = true;
        // Published once the new scenarios index is filled: its sync goes to the old index, which the
        // swap throws away, so only the catch-up pass can bring it into the new one.
        const id = await seedScenario({ title: "重建期间发布的算力调度", summary: "智算中心算力调度", sector: "research", techTags: ["optimization"] });
        await sync.syncSearch([{ kind: "scenario", id }], { db });
        expect(await titles("算力调度")).toEqual(["重建期间发布的算力调度"]);
      },
    });
    polling = false;
    await poller;

    expect(seen.length).toBeGreaterThan(3);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(expected!);
    expect(summary.caughtUp).toBeGreaterThan(0);
    for (const key of ["scenarios", "vendors", "cases"] as const) {
      expect(summary.indexes[key].documents, key).toBe(summary.indexes[key].database);
    }
    expect(await titles("算力调度")).toEqual(["重建期间发布的算力调度"]);
    expect(await titles("影像")).toEqual(["医疗影像辅助诊断"]);
    const { results } = await client.getIndexes({ limit: 1000 });
    // Only this file's indexes: other files rebuild their own (prefixed) ones in the same Meilisearch.
    expect(results.map((r) => r.uid).filter((uid) => uid.startsWith(prefix) && uid.endsWith("_new"))).toEqual([]);
    const settings = await client.index(INDEXES.scenarios).getSettings();
    expect(settings.filterableAttributes).toContain("budgetBand");

    const health = await searchHealth(db);
    expect(health.reachable).toBe(true);
    expect(health.indexes.every((i) => i.documents === i.database)).toBe(true);
  });
  it("fails with Meilisearch's error when it cannot set the indexes up, while the first page is being read", async () => {
    const { reindexAll } = await import("../../search/reindex.server");
    const { createMeiliClient } = await import("../../search/client.server");
    const dead = createMeiliClient({ host: "http://127.0.0.1:9", timeout: 500 });
    // The setup fails before the first page is read: the failure must reach the caller (not surface
    // as an unhandled rejection, which fails this file) and the live index must be untouched.
    await expect(reindexAll({ db, client: dead })).rejects.toThrow(/127\.0\.0\.1:9/);
    expect(await titles("影像")).toEqual(["医疗影像辅助诊断"]);
  });
});

describe("the rebuild's read", () => {
  it("scans the database of the client it is given, as the launcher's and the command's own clients", async () => {
    const { createDb, databaseUrlOf } = await import("../../app/utils/db.server");
    const { scenarioPages } = await import("../../search/sources.server");
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", `rebuild-${uniqueSuffix()}`);
    const own = createDb(url.toString());
    try {
      const pages = scenarioPages(own, "scenarios", 1);
      expect((await pages.next()).value).toHaveLength(1);
      const [{ n }] = await db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${url.searchParams.get("application_name")}`;
      expect(n).toBe(1);
      await pages.return(undefined);
    } finally {
      await own.$disconnect();
    }
    expect(() => databaseUrlOf({})).toThrow(/createDb/);
  });

  it("builds every document exactly as the sync builds it from the same rows", async () => {
    const { pagesOf } = await import("../../search/reindex.server");
    const { loadScenarios, loadCaseDeliveries } = await import("../../search/sources.server");
    const { buildScenarioDoc, buildCaseDoc } = await import("../../search/documents");
    const odd = await seedScenario({ title: "边界值 · 无英文标题", summary: "预算与日期的边界", sector: "research", techTags: ["optimization", "nlp"], status: "completed" });
    await db.scenario.update({
      where: { id: odd },
      data: { titleEn: null, summaryEn: null, budgetMin: 9_007_199_254n, budgetMax: null, kpis: ["准确率≥95%", "响应<2 s"], deadline: new Date("2027-02-28T16:00:00.123Z"), description: "## 标题\n\n**加粗** [链接](https://example.com)" },
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    for (const key of ["scenarios", "cases"] as const) {
      const rebuilt: { id: string }[] = [];
      for await (const page of pagesOf(key, db, 3)) rebuilt.push(...(page as { id: string }[]));
      expect(rebuilt.map((d) => d.id), key).toContain(odd);
      const rows = await loadScenarios(db, rebuilt.map((d) => d.id));
      const deliveries = await loadCaseDeliveries(db, rows.map((r) => r.id));
      const synced = rows.map((row) => (key === "scenarios" ? buildScenarioDoc(row) : buildCaseDoc(row, deliveries.get(row.id))));
      expect(rebuilt.sort(byId), key).toEqual(synced.sort(byId));
    }
  });
});

describe("reindex at the launcher's first start", () => {
  it("indexes rows seeded just before once, without a catch-up pass, when nothing else writes", async () => {
    const { reindexAll } = await import("../../search/reindex.server");
    const id = await seedScenario({ title: "刚刚导入的演示场景", summary: "首次启动时导入", sector: "research", techTags: ["optimization"] });
    const first = await reindexAll({ db, catchUpMarginMs: 0 });
    expect(first.caughtUp).toBe(0);
    expect(await titles("刚刚导入")).toEqual(["刚刚导入的演示场景"]);
    for (const key of ["scenarios", "vendors", "cases"] as const) expect(first.indexes[key].documents, key).toBe(first.indexes[key].database);
    // The default margin (other writers may be mid-transaction) re-syncs what changed seconds ago.
    // Changed right now: on a busy machine the first rebuild alone can outlast the margin.
    await db.scenario.update({ where: { id }, data: { summary: "首次启动时导入，随后修改" } });
    expect((await reindexAll({ db })).caughtUp).toBeGreaterThan(0);
  });
});

describe("an index built by an older release", () => {
  it("is told apart from this release's, and a reindex brings it up to date", async () => {
    const { indexShape } = await import("../../search/index-shape.server");
    const { reindexAll } = await import("../../search/reindex.server");
    const { searchHealth } = await import("../../search/health.server");
    expect(await indexShape(client)).toBe("current");
    // The documents as a release before DOCUMENT_SHAPE wrote them: no shape, the deadline day a number.
    const index = client.index(INDEXES.scenarios);
    const { results } = await index.getDocuments<Record<string, unknown>>({ limit: 1000 });
    const old = results.map(({ shape: _shape, ...doc }) => ({ ...doc, deadlineDay: Number(doc.deadlineDay) }));
    expect((await index.addDocuments(old).waitTask(TASK_WAIT)).status).toBe("succeeded");
    expect(await indexShape(client)).toBe("stale");
    // What the admin page's warning reads.
    expect((await searchHealth(db)).shape).toBe("stale");
    await reindexAll({ db, catchUpMarginMs: 0 });
    expect(await indexShape(client)).toBe("current");
    expect((await searchHealth(db)).shape).toBe("current");
  });
});
