import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../app/generated/prisma/client";
import { useAppDatabase } from "../setup/app-database";
import { useSearch } from "../setup/search-test";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

/**
 * Degraded search: with Meilisearch unreachable (MEILI_HOST on a closed port) the search functions and
 * the page loaders answer from the database with the same filters, never with drafts or cancelled
 * listings. The last block checks, against the real index, that both paths return the same listings.
 */

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let scenarios: typeof import("../../search/scenario-search.server");
let vendors: typeof import("../../search/vendor-search.server");
let fallback: typeof import("../../search/db-fallback.server");
let params: typeof import("../../search/search-params");
const ids: Record<string, string> = {};
let departmentId = "";
let marker = "";

const DAY = 86_400_000;
const breaker = globalThis as unknown as { __jiebangSearchDownUntil?: number };

async function scenario(key: string, input: { status?: "published" | "closed" | "draft" | "cancelled"; title: string; deadlineInDays: number; data: Prisma.ScenarioUpdateInput }, createdById: string) {
  const row = await createScenario(db, { departmentId, createdById, status: input.status, title: input.title, deadlineInDays: input.deadlineInDays });
  await db.scenario.update({ where: { id: row.id }, data: input.data });
  ids[key] = row.id;
}

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  // Nothing listens on port 1: every Meilisearch call fails at once with a connection error.
  process.env.MEILI_HOST = "http://127.0.0.1:1";
  delete process.env.MEILI_INDEX_PREFIX;
  db = (await import("../../app/utils/db.server")).db;
  scenarios = await import("../../search/scenario-search.server");
  vendors = await import("../../search/vendor-search.server");
  fallback = await import("../../search/db-fallback.server");
  params = await import("../../search/search-params");

  const department = await createOrganisation(db, "department", `郑州市水利局（测试 ${uniqueSuffix()}）`);
  departmentId = department.id;
  const officer = await createUser(db, "officer", { orgId: departmentId });
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  await scenario("reservoir", {
    title: "重点水库水位智能预测", deadlineInDays: 5,
    data: {
      summaryEn: "AI water-level prediction for key reservoirs", sector: "disaster_prevention", district: "erqi",
      mechanism: "horse_race", raceTeams: 2, techTags: ["predictive_analytics", "smart_sensors"],
      budgetMin: 1_500_000n, budgetMax: 2_400_000n, publishedAt: ago(3),
    },
  }, officer.id);
  await scenario("imaging", {
    title: "医疗影像辅助诊断", deadlineInDays: 20,
    data: { sector: "healthcare", district: "gaoxin", techTags: ["computer_vision"], budgetMin: null, budgetMax: null, publishedAt: ago(1) },
  }, officer.id);
  await scenario("flood", {
    title: "城市防汛排涝专家知识库", deadlineInDays: 60,
    data: { sector: "disaster_prevention", district: "zhengdong", techTags: ["llm", "knowledge_graph"], budgetMin: 1_000_000n, budgetMax: 2_000_000n, publishedAt: ago(2) },
  }, officer.id);
  await scenario("closed", { status: "closed", title: "中小水库水位监测（已截止）", deadlineInDays: -3, data: { publishedAt: ago(40) } }, officer.id);
  await scenario("draft", { status: "draft", title: "水库水位草稿", deadlineInDays: 10, data: {} }, officer.id);
  await scenario("cancelled", { status: "cancelled", title: "水库水位已撤榜", deadlineInDays: 10, data: { publishedAt: ago(5) } }, officer.id);

  marker = `测试${uniqueSuffix()}`;
  const heyun = await createOrganisation(db, "vendor", `郑州河云水智科技${marker}`);
  await db.organisation.update({
    where: { id: heyun.id },
    data: { intro: "水库水位智能预测与城市内涝数字孪生。", sectors: ["disaster_prevention"], techTags: ["digital_twin"], districts: ["xinmi"], verified: true },
  });
  const institute = await createOrganisation(db, "institute", `医智融合研究院${marker}`);
  await db.organisation.update({ where: { id: institute.id }, data: { intro: "医学影像与专科模型。", sectors: ["healthcare"], verified: false } });
  ids.heyun = heyun.id;
  ids.institute = institute.id;
});
afterAll(() => cleanup?.());

function state(search: string) {
  return params.parseScenarioSearch(new URLSearchParams(`department=${departmentId}&${search}`));
}

async function found(search: string): Promise<string[]> {
  const result = await scenarios.searchScenarios(state(search));
  expect(result.mode).toBe("fallback");
  return result.hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.id) ?? h.id);
}

describe("with Meilisearch unreachable", () => {
  it("answers from the database: title/summary match, highlighted, never a draft or a cancelled listing", async () => {
    const result = await scenarios.searchScenarios(state("q=水位"));
    expect(result.mode).toBe("fallback");
    expect(result.hits.map((h) => h.id)).toEqual([ids.reservoir]);
    expect(result.hits[0]!.title).toBe("重点水库<mark>水位</mark>智能预测");
    expect(await found("q=水位&status=all")).toEqual(["reservoir", "closed"]);
    expect(await found("q=水位&status=draft&status=cancelled")).toEqual(["reservoir"]);
    // English summary, any case; every word must match somewhere.
    expect(await found("q=WATER-LEVEL")).toEqual(["reservoir"]);
    expect(await found("q=水位 预测")).toEqual(["reservoir"]);
    expect(await found("q=水位 影像")).toEqual([]);
  });

  it("applies the same filters as the index", async () => {
    expect(await found("sector=disaster_prevention&sort=deadline")).toEqual(["reservoir", "flood"]);
    expect(await found("district=erqi")).toEqual(["reservoir"]);
    expect(await found("mechanism=horse_race")).toEqual(["reservoir"]);
    expect(await found("tag=llm&tag=computer_vision&sort=deadline")).toEqual(["imaging", "flood"]);
    expect(await found("budget=negotiable")).toEqual(["imaging"]);
    expect(await found("budget=50w_200w")).toEqual(["flood"]);
    expect(await found("budget=200w_500w&budget=negotiable&sort=deadline")).toEqual(["reservoir", "imaging"]);
    expect(await found("deadline=7d")).toEqual(["reservoir"]);
    expect(await found("deadline=30d&sort=deadline")).toEqual(["reservoir", "imaging"]);
    expect(await found("deadline=later")).toEqual(["flood"]);
    expect(await found("deadline=passed&status=all")).toEqual(["closed"]);
    expect(await found("sector=healthcare&district=erqi")).toEqual([]);
  });

  it("sorts by newest, deadline and budget", async () => {
    expect(await found("sort=newest")).toEqual(["imaging", "flood", "reservoir"]);
    expect(await found("sort=deadline")).toEqual(["reservoir", "imaging", "flood"]);
    expect(await found("sort=budget")).toEqual(["reservoir", "flood", "imaging"]);
  });

  it("answers a page past the end of several pages with the last page, in order", async () => {
    // 23 listings of another department: two pages of 20.
    const other = await createOrganisation(db, "department", `郑州市档案馆（测试 ${uniqueSuffix()}）`);
    const officer = await createUser(db, "officer", { orgId: other.id });
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const row = await createScenario(db, { departmentId: other.id, createdById: officer.id, status: "published", title: `档案数字化分拣 第${i + 1}批`, deadlineInDays: 10 + i });
      await db.scenario.update({ where: { id: row.id }, data: { publishedAt: new Date(Date.now() - (i + 1) * DAY) } });
      made.push(row.id);
    }
    const result = await scenarios.searchScenarios(params.parseScenarioSearch(new URLSearchParams(`department=${other.id}&q=档案&page=99`)));
    expect(result.mode).toBe("fallback");
    expect([result.total, result.page, result.pages]).toEqual([23, 2, 2]);
    // Newest first: the last page holds the three oldest.
    expect(result.hits.map((h) => h.id)).toEqual(made.slice(20));
  });

  it("answers a page past the end (an old link) with the last page, and keeps dates and budgets exact", async () => {
    const result = await scenarios.searchScenarios(state("sort=deadline&page=7"));
    expect(result.page).toBe(1);
    expect(result.pages).toBe(1);
    expect(result.hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.id))).toEqual(["reservoir", "imaging", "flood"]);
    const rows = await db.scenario.findMany({ where: { id: { in: result.hits.map((h) => h.id) } }, select: { id: true, deadline: true, publishedAt: true, budgetMin: true, budgetMax: true } });
    for (const hit of result.hits) {
      const row = rows.find((r) => r.id === hit.id)!;
      expect(hit.deadline).toBe(row.deadline.toISOString());
      expect(hit.publishedAt).toBe(row.publishedAt!.toISOString());
      expect(hit.budgetMax).toBe(row.budgetMax == null ? null : Number(row.budgetMax));
      expect(hit.budgetMin).toBe(row.budgetMin == null ? null : Number(row.budgetMin));
    }
  });

  it("counts scalar facets without their own filter and says which counts are missing", async () => {
    const result = await scenarios.searchScenarios(state("sector=healthcare"));
    expect(result.facets.sector).toEqual({ healthcare: 1, disaster_prevention: 2 });
    expect(result.facets.status).toEqual({ published: 1 });
    expect(result.facets.department).toEqual({ [departmentId]: 1 });
    expect(result.facets.tag).toBeUndefined();
    expect(result.departments.map((d) => d.id)).toEqual([departmentId]);
  });

  it("treats LIKE wildcards in the query as text", async () => {
    expect(await found("q=%25")).toEqual([]);
    expect(await found("q=_")).toEqual([]);
    expect(await found("q=%5C")).toEqual([]);
  });

  it("the page loaders answer 200 for any URL, with the degraded flag", async () => {
    const route = await import("../../app/routes/scenarios._index");
    const junk = "/scenarios?page=-1&page=abc&sector=%3Cscript%3E&status=draft&deadline=x&sort=%27&q=" + "水".repeat(400);
    const data = await route.loader({ request: new Request(`http://jiebang.test${junk}`), params: {}, context: {} });
    expect(data.result.mode).toBe("fallback");
    expect(data.state.status).toEqual(["published"]);
    const vendorRoute = await import("../../app/routes/vendors._index");
    const vdata = await vendorRoute.loader({ request: new Request("http://jiebang.test/vendors?type=department&verified=x"), params: {}, context: {} });
    expect(vdata.result.mode).toBe("fallback");
  });

  it("the admin's index health answers before any worker has made the job queue's tables", async () => {
    const { hasJobTable } = await import("../../app/utils/jobs.server");
    const { searchHealth } = await import("../../search/health.server");
    // The queue's schema is hidden inside a transaction that is then rolled back (DDL is transactional).
    const ROLLBACK = new Error("rollback");
    let health: Awaited<ReturnType<typeof searchHealth>> | undefined;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("CREATE SCHEMA IF NOT EXISTS pgboss");
      await tx.$executeRawUnsafe("ALTER SCHEMA pgboss RENAME TO pgboss_hidden");
      expect(await hasJobTable(tx)).toBe(false);
      health = await searchHealth(tx);
      throw ROLLBACK;
    }).catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
    if (!health) throw new Error("no health read");
    expect(health.reachable).toBe(false);
    expect(health.jobs).toEqual({ pending: 0, active: 0, retrying: 0, failed: 0, completed: 0 });
    expect(health.lastError).toBeNull();
    expect(health.indexes.find((i) => i.key === "scenarios")?.database).toBeGreaterThan(0);
  });

  it("the vendor directory falls back too, with its filters", async () => {
    const run = async (search: string) => {
      const result = await vendors.searchVendors(params.parseVendorSearch(new URLSearchParams(`q=${marker}&${search}`)));
      expect(result.mode).toBe("fallback");
      return result.hits.map((h) => h.id);
    };
    expect((await run("")).sort()).toEqual([ids.heyun, ids.institute].sort());
    expect(await run("verified=1")).toEqual([ids.heyun]);
    expect(await run("type=institute")).toEqual([ids.institute]);
    expect(await run("sector=disaster_prevention&tag=digital_twin&district=xinmi")).toEqual([ids.heyun]);
    const counted = await vendors.searchVendors(params.parseVendorSearch(new URLSearchParams(`q=${marker}&type=vendor`)));
    expect(counted.facets.type).toEqual({ vendor: 1, institute: 1 });
  });
});

describe("with Meilisearch up, the fallback agrees with the index", () => {
  let search: Awaited<ReturnType<typeof useSearch>>;
  beforeAll(async () => {
    search = await useSearch();
    breaker.__jiebangSearchDownUntil = 0;
    const { reindexAll } = await import("../../search/reindex.server");
    await reindexAll({ db });
  });
  afterAll(() => search?.cleanup());

  const CASES = [
    "", "status=all", "sector=disaster_prevention", "district=erqi&status=all", "tag=llm&tag=computer_vision", "budget=negotiable",
    "budget=200w_500w&budget=50w_200w", "deadline=7d", "deadline=30d", "deadline=later", "deadline=passed&status=all",
    "mechanism=horse_race", "sort=deadline", "sort=budget", "sort=newest&status=all",
  ];

  it.each(CASES)("same listings for ?%s", async (search) => {
    const now = new Date();
    const indexed = await scenarios.searchScenarios(state(search), now);
    expect(indexed.mode).toBe("search");
    const fromDb = await fallback.fallbackScenarioSearch(state(search), now);
    expect(indexed.hits.map((h) => h.id)).toEqual(fromDb.hits.map((h) => h.id));
    expect(indexed.total).toBe(fromDb.total);
    for (const facet of ["sector", "district", "mechanism", "status", "department"] as const) {
      expect(indexed.facets[facet], facet).toEqual(fromDb.facets[facet]);
    }
  });

  it("the index counts deadline windows and highlights the query", async () => {
    const result = await scenarios.searchScenarios(state("q=水位"));
    expect(result.mode).toBe("search");
    expect(result.hits.map((h) => h.id)).toEqual([ids.reservoir]);
    expect(result.hits[0]!.title).toContain("<mark>水位</mark>");
    const all = await scenarios.searchScenarios(state(""));
    expect(all.deadlineCounts).toEqual({ "7d": 1, "30d": 2, later: 1, passed: 0 });
  });

  it("gives a Chinese page its Chinese texts only, and an English page both (English may be missing)", async () => {
    const [chinese] = (await scenarios.searchScenarios(state("q=水位"), new Date(), "zh-CN")).hits;
    expect(chinese).toMatchObject({ title: "重点水库<mark>水位</mark>智能预测", titleEn: "", summaryEn: "" });
    const [english] = (await scenarios.searchScenarios(state("q=水位"), new Date(), "en")).hits;
    // English texts are highlighted too (水位 has "water-level" among its synonyms).
    expect(english).toMatchObject({ title: "重点水库<mark>水位</mark>智能预测", summaryEn: expect.stringContaining("prediction for key reservoirs") });
    const [prediction] = (await scenarios.searchScenarios(state("q=prediction"), new Date(), "en")).hits;
    expect(prediction!.summaryEn).toBe("AI water-level <mark>prediction</mark> for key reservoirs");
    // Marked texts come only in Meilisearch's _formatted copy: one without a match still comes, unmarked.
    expect(prediction).toMatchObject({ title: "重点水库水位智能预测", titleEn: "", summary: expect.stringMatching(/./), code: expect.any(String) });
  });
});
