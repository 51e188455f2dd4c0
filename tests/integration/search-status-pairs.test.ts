import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mechanism, ScenarioStatus } from "../../app/generated/prisma/enums";
import { useAppDatabase } from "../setup/app-database";
import { TASK_WAIT, useSearch } from "../setup/search-test";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

/**
 * A page filtered by status and by a facet with one value per listing counts both groups from one
 * facet on their pair. Every group's counts must still be what that group's own query counts: the
 * listings matching every other filter, by value. Checked against counts made here from the rows, on
 * listings spread over statuses, sectors, districts, mechanisms and budgets, for many filter sets.
 */
let cleanupDb: () => Promise<void>;
let search: Awaited<ReturnType<typeof useSearch>>;
let db: typeof import("../../app/utils/db.server")["db"];
let scenarios: typeof import("../../search/scenario-search.server");
let params: typeof import("../../search/search-params");
let documents: typeof import("../../search/documents");
const marker = `pair${uniqueSuffix()}`;

const STATUSES: ScenarioStatus[] = ["published", "published", "closed", "evaluating", "awarded", "in_delivery", "completed"];
const SECTORS = ["healthcare", "education", "disaster_prevention", "transport"];
const DISTRICTS = ["zhengdong", "erqi", "gaoxin"];
const MECHANISMS: Mechanism[] = ["open_call", "horse_race", "directed"];
const BUDGETS: [bigint | null, bigint | null][] = [[null, null], [200_000n, 400_000n], [1_000_000n, 1_800_000n], [3_000_000n, 6_000_000n]];

type Row = { status: string; sector: string; district: string; mechanism: string; budget: string };
const rows: Row[] = [];

beforeAll(async () => {
  ({ cleanup: cleanupDb } = await useAppDatabase());
  search = await useSearch();
  db = (await import("../../app/utils/db.server")).db;
  scenarios = await import("../../search/scenario-search.server");
  params = await import("../../search/search-params");
  documents = await import("../../search/documents");
  const department = await createOrganisation(db, "department", `郑州市数据局（测试 ${uniqueSuffix()}）`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  // Strides that share no factor with the lists' lengths, so the values combine unevenly.
  for (let i = 0; i < 42; i++) {
    const status = STATUSES[(i * 3) % STATUSES.length]!;
    const [budgetMin, budgetMax] = BUDGETS[(i * 5) % BUDGETS.length]!;
    const row = await createScenario(db, { departmentId: department.id, createdById: officer.id, status, title: `${marker} 组合计数 ${i}` });
    const data = {
      sector: SECTORS[(i * 7) % SECTORS.length]!, district: DISTRICTS[(i * 2) % DISTRICTS.length]!,
      mechanism: MECHANISMS[Math.floor(i / 4) % MECHANISMS.length]!, budgetMin, budgetMax, publishedAt: new Date(Date.now() - 86_400_000),
    };
    await db.scenario.update({ where: { id: row.id }, data });
    const budget = budgetMax ?? budgetMin;
    rows.push({ status, sector: data.sector, district: data.district, mechanism: data.mechanism, budget: documents.budgetBand(budget == null ? null : Number(budget)) });
  }
  const { reindexAll } = await import("../../search/reindex.server");
  await reindexAll({ db });
});

afterAll(async () => {
  await search?.cleanup();
  await cleanupDb?.();
});

const GROUPS = ["status", "sector", "district", "mechanism", "budget"] as const;
type Group = (typeof GROUPS)[number];

/** What a group's own query counts: the rows matching every other group's ticked values, by value. */
function expectedCounts(ticked: Partial<Record<Group, string[]>>, group: Group): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const others = GROUPS.filter((g) => g !== group && ticked[g]?.length);
    if (others.every((g) => ticked[g]!.includes(row[g]))) counts[row[group]] = (counts[row[group]] ?? 0) + 1;
  }
  return counts;
}

const FILTER_SETS = [
  "sector=healthcare",
  "status=all&sector=education",
  "status=closed&status=awarded&sector=healthcare&sector=transport",
  "status=all&district=erqi",
  "status=published&status=completed&mechanism=horse_race",
  "status=all&budget=negotiable&budget=200w_500w",
  "status=evaluating&status=published&sector=disaster_prevention&district=gaoxin",
  "status=all&sector=education&sector=healthcare&district=zhengdong&mechanism=open_call&budget=50w_200w",
  "status=in_delivery",
  "district=zhengdong&budget=lt_50w",
];

describe("status paired with a facet", () => {
  it.each(FILTER_SETS)("counts every group as its own query would (?%s)", async (query) => {
    const state = params.parseScenarioSearch(new URLSearchParams(`q=${marker}&${query}`));
    const page = await scenarios.searchScenarios(state, new Date(), "zh-CN");
    expect(page.mode).toBe("search");
    const ticked: Partial<Record<Group, string[]>> = {};
    for (const g of GROUPS) if (state[g].length) ticked[g] = [...state[g]];
    expect(page.total).toBe(rows.filter((r) => GROUPS.every((g) => !ticked[g] || ticked[g]!.includes(r[g]))).length);
    for (const g of GROUPS) expect(page.facets[g], g).toEqual(expectedCounts(ticked, g));
  });

  it("sends one count query for status and the first paired facet, one for each other ticked group", () => {
    const queries = (query: string) => scenarios.scenarioQueries(params.parseScenarioSearch(new URLSearchParams(query)), new Date());
    expect(queries("")).toHaveLength(2); // main + status
    expect(queries("sector=healthcare")).toHaveLength(2); // main + status·sector
    expect(queries("sector=healthcare")[1]!.facets).toEqual(["statusSector"]);
    expect(queries("district=erqi&tag=llm")).toHaveLength(3); // main + status·district + tag
    expect(queries("sector=healthcare&district=erqi&deadline=7d")).toHaveLength(4); // main + status·sector + district + windows
  });

  it("gives the two groups no counts, not wrong ones, on an index written before the pairs", async () => {
    const { createMeiliClient, INDEXES } = await import("../../search/client.server");
    const client = createMeiliClient({ timeout: 10_000 });
    const { results } = await client.index(INDEXES.scenarios).getDocuments<Record<string, unknown>>({ limit: 1000 });
    const older = results.map(({ statusSector: _s, statusDistrict: _d, statusMechanism: _m, statusBudget: _b, ...rest }) => rest);
    await client.index(INDEXES.scenarios).addDocuments(older).waitTask(TASK_WAIT);
    const page = await scenarios.searchScenarios(params.parseScenarioSearch(new URLSearchParams(`q=${marker}&sector=healthcare`)), new Date());
    expect(page.mode).toBe("search");
    expect(page.total).toBeGreaterThan(0);
    expect(page.facets.status).toBeUndefined();
    expect(page.facets.sector).toBeUndefined();
    expect(page.facets.district).toEqual(expectedCounts({ status: ["published"], sector: ["healthcare"] }, "district"));
  });
});
