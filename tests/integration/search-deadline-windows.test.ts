import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { useSearch } from "../setup/search-test";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

/**
 * The search page's deadline-window counts come from one facet on the deadline's Beijing day. They
 * must equal what a reader gets by selecting each window (the filtered query the counts used to be),
 * in the index and in the database fallback, also at the days' edges and with other filters set.
 */
let cleanupDb: () => Promise<void>;
let search: Awaited<ReturnType<typeof useSearch>>;
let db: typeof import("../../app/utils/db.server")["db"];
let scenarios: typeof import("../../search/scenario-search.server");
let fallback: typeof import("../../search/db-fallback.server");
let params: typeof import("../../search/search-params");
let windows: typeof import("../../search/deadline-windows");
const marker = `dwin${uniqueSuffix()}`;
const now = new Date();
const WINDOWS = ["7d", "30d", "later", "passed"] as const;

beforeAll(async () => {
  ({ cleanup: cleanupDb } = await useAppDatabase());
  search = await useSearch();
  db = (await import("../../app/utils/db.server")).db;
  scenarios = await import("../../search/scenario-search.server");
  fallback = await import("../../search/db-fallback.server");
  params = await import("../../search/search-params");
  windows = await import("../../search/deadline-windows");
  const department = await createOrganisation(db, "department", `郑州市数据局（测试 ${uniqueSuffix()}）`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  // Deadlines on and around each window's edges: the start of a Beijing day ± 1 s, and mid-days.
  const today = windows.beijingDay(now);
  const dayStart = (day: number) => (day * 86_400_000 - 8 * 3_600_000);
  const deadlines = [
    dayStart(today - 40) + 3_600_000, dayStart(today) - 1000, dayStart(today), now.getTime() + 60_000,
    dayStart(today + 7) + 12 * 3_600_000, dayStart(today + 8) - 1000, dayStart(today + 8), dayStart(today + 20),
    dayStart(today + 31) - 1000, dayStart(today + 31), dayStart(today + 90),
  ];
  for (const [i, at] of deadlines.entries()) {
    const row = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `${marker} 截止测试 ${i}` });
    await db.scenario.update({ where: { id: row.id }, data: { deadline: new Date(at), sector: i % 2 ? "healthcare" : "education" } });
  }
  const { reindexAll } = await import("../../search/reindex.server");
  await reindexAll({ db });
});

afterAll(async () => {
  await search?.cleanup();
  await cleanupDb?.();
});

const stateOf = (query: string) => params.parseScenarioSearch(new URLSearchParams(`q=${marker}&status=all&${query}`));

describe("deadline windows counted from the deadline-day facet", () => {
  it.each(["", "sector=healthcare", "deadline=7d", "deadline=passed&sector=education"])("equal the listings each window selects (?%s)", async (query) => {
    const page = await scenarios.searchScenarios(stateOf(query), now);
    expect(page.mode).toBe("search");
    for (const w of WINDOWS) {
      const selected = { ...stateOf(query), deadline: w };
      const inIndex = await scenarios.searchScenarios(selected, now);
      const inDatabase = await fallback.fallbackScenarioSearch(selected, now);
      expect(page.deadlineCounts[w], w).toBe(inIndex.total);
      expect(inIndex.total, w).toBe(inDatabase.total);
    }
  });

  it("put a listing by its Beijing day: today and the next 7 days, up to 30, later, before today", async () => {
    const page = await scenarios.searchScenarios(stateOf(""), now);
    expect(page.deadlineCounts).toEqual({ "7d": 4, "30d": 7, later: 2, passed: 2 });
  });

  it("send one count query for the windows only when a window is selected", () => {
    const plain = scenarios.scenarioQueries(stateOf("sector=healthcare"), now);
    const selected = scenarios.scenarioQueries(stateOf("sector=healthcare&deadline=30d"), now);
    // main + status·sector (their pair); the windows ride on the main query's facets.
    expect(plain).toHaveLength(2);
    expect(plain[0]!.facets).toContain("deadlineDay");
    expect(selected).toHaveLength(3);
    expect(selected[2]!.facets).toEqual(["deadlineDay"]);
  });
});
