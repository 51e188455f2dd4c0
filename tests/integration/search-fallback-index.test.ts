import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

/**
 * The degraded search finds words through the trigram index on the listings' hex-encoded text
 * (ADR 013): two-character Chinese words and English words in any case are found, with the page's
 * filters, and the database can answer the word condition from the index rather than reading every row.
 */
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let fallback: typeof import("../../search/db-fallback.server");
let sql: typeof import("../../search/scenario-fallback-sql.server");
let params: typeof import("../../search/search-params");
const marker = `idx${uniqueSuffix()}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  process.env.MEILI_HOST = "http://127.0.0.1:1";
  db = (await import("../../app/utils/db.server")).db;
  fallback = await import("../../search/db-fallback.server");
  sql = await import("../../search/scenario-fallback-sql.server");
  params = await import("../../search/search-params");
  const department = await createOrganisation(db, "department", `郑州市应急管理局（测试 ${uniqueSuffix()}）`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  const add = async (key: string, title: string, data: { titleEn?: string; sector?: string }) => {
    const row = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `${title} ${marker}` });
    await db.scenario.update({ where: { id: row.id }, data: { summary: "面向城市运行的智能应用。", ...data } });
    ids[key] = row.id;
  };
  await add("flood", "城市防汛指挥大模型", { titleEn: "Flood Command LLM", sector: "disaster_prevention" });
  await add("water", "水库水位预测", { titleEn: "Reservoir level forecast", sector: "disaster_prevention" });
  await add("clinic", "社区诊所防汛物资调度", { titleEn: "Clinic supplies", sector: "healthcare" });
});

afterAll(() => cleanup?.());

const found = async (query: string) => {
  const result = await fallback.fallbackScenarioSearch(params.parseScenarioSearch(new URLSearchParams(`${query}`)), new Date());
  expect(result.mode).toBe("fallback");
  return result.hits.map((h) => h.id).sort();
};

describe("degraded search through the trigram index", () => {
  it("finds two-character Chinese words and English words in any case, with the filters", async () => {
    expect(await found(`q=防汛 ${marker}`)).toEqual([ids.flood, ids.clinic].sort());
    expect(await found(`q=防汛 ${marker}&sector=healthcare`)).toEqual([ids.clinic]);
    expect(await found(`q=fLOOD ${marker}`)).toEqual([ids.flood]);
    expect(await found(`q=水位 ${marker}`)).toEqual([ids.water]);
    expect(await found(`q=泥石流 ${marker}`)).toEqual([]);
    // LIKE's wildcards are text: "%" matches nothing here rather than everything.
    expect(await found(`q=% ${marker}`)).toEqual([]);
  });

  it("counts each facet with the other filters", async () => {
    const result = await fallback.fallbackScenarioSearch(params.parseScenarioSearch(new URLSearchParams(`q=防汛 ${marker}&sector=healthcare`)), new Date());
    expect(result.total).toBe(1);
    expect(result.facets.sector).toEqual({ disaster_prevention: 1, healthcare: 1 });
  });

  it("answers the word condition from the index", async () => {
    const { Prisma } = await import("../../app/generated/prisma/client");
    const plan = await db.$transaction(async (tx) => {
      // Few rows in a test database: forbid the sequential scan to see whether the index can serve.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT id FROM "Scenario" WHERE ${sql.allOf(sql.textCondition("防汛"))}`);
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Scenario_search_key_trgm_idx");
  });
});
