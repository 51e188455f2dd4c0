import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioStatus } from "../../app/generated/prisma/enums";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";
import { addProposal } from "../fixtures/evaluation";
import { useAppDatabase } from "../setup/app-database";

// The public statistics, checked against numbers this test computes its own way: straight SQL over
// the tables (GROUP BY, percentile_cont), not the module's code. The data covers every stage, two
// sectors, districts inside and outside Zhengzhou, two departments, three mechanisms, proposals
// counted and not counted, a call still sealed, and award decisions (a withdrawn round, then the final one).
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let stats: typeof import("../../app/modules/stats/stats.server");
let page: typeof import("../../app/routes/stats._index");
let csv: typeof import("../../app/routes/stats.csv.$table");
const DAY = 86_400_000;
const now = new Date();

type Spec = { status: ScenarioStatus; sector: string; district: string; mechanism: "open_call" | "horse_race" | "directed"; dept: 0 | 1; budgetMax: bigint | null; budgetMin?: bigint | null; publishedDaysAgo: number; deadlineInDays: number; proposals?: ("submitted" | "withdrawn" | "draft" | "awarded" | "not_selected")[]; awardAfterDays?: number };

const SPECS: Spec[] = [
  { status: "published", sector: "healthcare", district: "jinshui", mechanism: "open_call", dept: 0, budgetMax: 3_000_000n, publishedDaysAgo: 10, deadlineInDays: 20, proposals: ["submitted", "submitted"] },
  { status: "published", sector: "healthcare", district: "henan", mechanism: "directed", dept: 1, budgetMax: null, budgetMin: 500_000n, publishedDaysAgo: 5, deadlineInDays: 10 },
  { status: "evaluating", sector: "transport", district: "zhengdong", mechanism: "horse_race", dept: 0, budgetMax: 8_000_000n, publishedDaysAgo: 60, deadlineInDays: -5, proposals: ["submitted", "withdrawn", "draft", "submitted", "submitted"] },
  { status: "awarded", sector: "transport", district: "zhengdong", mechanism: "open_call", dept: 0, budgetMax: 2_000_000n, publishedDaysAgo: 90, deadlineInDays: -40, proposals: ["awarded", "not_selected"], awardAfterDays: 41 },
  { status: "in_delivery", sector: "healthcare", district: "gaoxin", mechanism: "directed", dept: 1, budgetMax: 1_500_000n, publishedDaysAgo: 200, deadlineInDays: -150, proposals: ["awarded"], awardAfterDays: 70 },
  { status: "completed", sector: "healthcare", district: "henan", mechanism: "open_call", dept: 1, budgetMax: 4_000_000n, publishedDaysAgo: 400, deadlineInDays: -350, proposals: ["awarded", "not_selected", "withdrawn"], awardAfterDays: 100 },
  { status: "completed", sector: "transport", district: "airport", mechanism: "horse_race", dept: 0, budgetMax: 6_000_000n, publishedDaysAgo: 300, deadlineInDays: -250 },
  { status: "cancelled", sector: "transport", district: "jinshui", mechanism: "open_call", dept: 1, budgetMax: 1_000_000n, publishedDaysAgo: 30, deadlineInDays: -1, proposals: ["submitted"] },
  // Never published: counts nowhere.
  { status: "draft", sector: "healthcare", district: "jinshui", mechanism: "open_call", dept: 0, budgetMax: 9_000_000n, publishedDaysAgo: 0, deadlineInDays: 30 },
];

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  stats = await import("../../app/modules/stats/stats.server");
  page = await import("../../app/routes/stats._index");
  csv = await import("../../app/routes/stats.csv.$table");
  // A department whose name is markup: the chart must draw it as text.
  const departments = [await createOrganisation(db, "department", "郑州市卫生健康委员会"), await createOrganisation(db, "department", "<script>alert(1)</script>应急局")];
  const officer = await createUser(db, "officer", { orgId: departments[0]!.id });
  for (const spec of SPECS) {
    const s = await createScenario(db, { departmentId: departments[spec.dept]!.id, createdById: officer.id, status: spec.status, deadlineInDays: spec.deadlineInDays });
    const publishedAt = spec.status === "draft" ? null : new Date(now.getTime() - spec.publishedDaysAgo * DAY);
    await db.scenario.update({
      where: { id: s.id },
      data: { sector: spec.sector, district: spec.district, mechanism: spec.mechanism, budgetMax: spec.budgetMax, budgetMin: spec.budgetMin ?? null, publishedAt },
    });
    for (const status of spec.proposals ?? []) await addProposal(db, s.id, { status });
    if (spec.awardAfterDays !== undefined) {
      // As the award module records them, written directly since its commands are another module's: a
      // first round withdrawn after an objection (no award), then the round finalised on the award date.
      const at = (days: number) => new Date(publishedAt!.getTime() + days * DAY);
      const decision = { scenarioId: s.id, decidedById: officer.id, noticeDays: 7 };
      await db.awardDecision.create({ data: { ...decision, round: 1, status: "withdrawn", noticeStartsAt: at(spec.awardAfterDays - 20), withdrawnAt: at(spec.awardAfterDays - 15) } });
      await db.awardDecision.create({ data: { ...decision, round: 2, status: "final", noticeStartsAt: at(spec.awardAfterDays - 8), noticeEndsAt: at(spec.awardAfterDays), finalisedAt: at(spec.awardAfterDays) } });
    }
  }
});

afterAll(async () => {
  await database?.cleanup();
});

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v);

describe("statistics computed independently from the database", () => {
  it("totals per stage and budgets equal SQL over the scenario table", async () => {
    const computed = await stats.computeStats(now);
    const [sql] = await db.$queryRawUnsafe<Row[]>(`
      SELECT COUNT(*) AS published,
             COUNT(*) FILTER (WHERE status = 'published') AS open,
             COUNT(*) FILTER (WHERE status IN ('awarded','in_delivery','completed')) AS awarded,
             COUNT(*) FILTER (WHERE status = 'in_delivery') AS in_delivery,
             COUNT(*) FILTER (WHERE status = 'completed') AS delivered,
             SUM(COALESCE("budgetMax","budgetMin",0)) AS budget,
             SUM(COALESCE("budgetMax","budgetMin",0)) FILTER (WHERE status IN ('awarded','in_delivery','completed')) AS awarded_budget
      FROM "Scenario" WHERE status <> 'draft' AND "publishedAt" IS NOT NULL`);
    expect(computed.totals).toEqual({
      published: n(sql!.published), open: n(sql!.open), awarded: n(sql!.awarded), inDelivery: n(sql!.in_delivery), delivered: n(sql!.delivered),
      budget: n(sql!.budget), awardedBudget: n(sql!.awarded_budget),
    });
    // And by hand, for the reader: 8 public, 2 open, 4 awarded (awarded, in delivery, 2 completed), 1 in delivery, 2 delivered.
    expect(computed.totals).toMatchObject({ published: 8, open: 2, awarded: 4, inDelivery: 1, delivered: 2, budget: 26_000_000 });
  });

  it("every dimension's groups equal SQL GROUP BY (sector, district, department, mechanism, quarter)", async () => {
    const computed = await stats.computeStats(now);
    const columns = { sector: `sector`, district: `district`, department: `"departmentId"`, mechanism: `mechanism::text`, quarter: `to_char("publishedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-Q' || to_char("publishedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'Q')` } as const;
    for (const [dimension, column] of Object.entries(columns)) {
      const rows = await db.$queryRawUnsafe<Row[]>(`
        SELECT ${column} AS key, COUNT(*) AS published,
               COUNT(*) FILTER (WHERE status = 'published') AS open,
               COUNT(*) FILTER (WHERE status IN ('awarded','in_delivery','completed')) AS awarded,
               COUNT(*) FILTER (WHERE status = 'in_delivery') AS in_delivery,
               COUNT(*) FILTER (WHERE status = 'completed') AS delivered,
               SUM(COALESCE("budgetMax","budgetMin",0)) AS budget
        FROM "Scenario" WHERE status <> 'draft' AND "publishedAt" IS NOT NULL GROUP BY 1 ORDER BY 1`);
      const expected = rows.map((r) => ({ key: String(r.key), counts: { published: n(r.published), open: n(r.open), awarded: n(r.awarded), inDelivery: n(r.in_delivery), delivered: n(r.delivered) }, budget: n(r.budget) }));
      const got = [...computed.groups[dimension as keyof typeof columns]].sort((a, b) => a.key.localeCompare(b.key));
      expect(got, dimension).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    }
  });

  it("proposals per scenario count handed-in proposals of closed calls only; an open call's count stays sealed", async () => {
    const computed = await stats.computeStats(now);
    const rows = await db.$queryRawUnsafe<Row[]>(`
      SELECT s.id, COUNT(p.id) FILTER (WHERE p.status IN ('submitted','under_review','shortlisted','awarded','not_selected')) AS n
      FROM "Scenario" s LEFT JOIN "Proposal" p ON p."scenarioId" = s.id
      WHERE s.status <> 'draft' AND s."publishedAt" IS NOT NULL AND s.deadline <= $1 GROUP BY s.id`, now);
    const counts = rows.map((r) => n(r.n));
    const total = counts.reduce((a, b) => a + b, 0);
    const [{ median }] = await db.$queryRawUnsafe<{ median: number }[]>(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median FROM unnest($1::int[]) AS x`, counts);
    expect(computed.proposals).toMatchObject({ scenarios: counts.length, proposals: total, median: n(median) });
    // 6 closed calls: 3 (evaluating: withdrawn and draft excluded), 2, 1, 2, 0, 1; the open call's 2 submissions are not counted.
    expect(computed.proposals).toMatchObject({ scenarios: 6, proposals: 9, mean: 1.5, median: 1.5 });
  });

  it("the median of days from publication to the finalised award equals percentile_cont over the award decisions", async () => {
    const computed = await stats.computeStats(now);
    const [{ median, count }] = await db.$queryRawUnsafe<{ median: number; count: bigint }[]>(`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median, COUNT(*) AS count FROM (
        SELECT EXTRACT(EPOCH FROM (MIN(a."finalisedAt") - s."publishedAt")) / 86400 AS d
        FROM "Scenario" s JOIN "AwardDecision" a ON a."scenarioId" = s.id AND a.status = 'final' AND a."finalisedAt" IS NOT NULL
        WHERE s.status IN ('awarded','in_delivery','completed') GROUP BY s.id, s."publishedAt") t`);
    expect(computed.daysToAward).toEqual({ n: Number(count), median: Math.round(n(median) * 10) / 10 });
    expect(computed.daysToAward).toEqual({ n: 3, median: 70 });
  });

  it("places the counts against the plans' targets with their figures and sources", async () => {
    const computed = await stats.computeStats(now);
    const zz = computed.targets.find((g) => g.id === "zz-deep-integration-scenarios")!;
    const ha = computed.targets.find((g) => g.id === "ha-typical-cases")!;
    // Zhengzhou's own units: awarded in zhengdong, in delivery in gaoxin, completed at the airport zone (the provincial one is not Zhengzhou's).
    expect(zz).toMatchObject({ figure: 20, actual: 3, percent: 15 });
    expect(ha).toMatchObject({ figure: 100, actual: 2, percent: 2, source: { docNo: "豫政办〔2024〕64号", date: "2024-10-23" } });
  });

  it("says so when no award has a recorded date", async () => {
    const { daysToAward, median } = await import("../../app/modules/stats/aggregate");
    expect(daysToAward([])).toEqual({ n: 0, median: null });
    expect(median([])).toBeNull();
  });
});

describe("the /stats page and its CSV", () => {
  const request = (path: string, locale?: "en") => new Request(`http://jiebang.test${path}`, { headers: locale ? { Cookie: "jb_locale=ImVuIg%3D%3D" } : {} });

  it("renders every chart as SVG on the server, escapes names, and cites the sources", async () => {
    const data = await page.loader({ request: request("/stats"), params: {}, context: {} });
    expect(data.tables.map((t) => t.id)).toEqual(["stages", "sector", "district", "department", "mechanism", "quarter", "proposals", "targets"]);
    for (const table of data.tables) expect(table.svg, table.id).toMatch(/^<svg role="img" aria-label="[^"]+"/);
    const department = data.tables.find((t) => t.id === "department")!;
    expect(department.svg).not.toContain("<script>");
    expect(department.svg).toContain("&lt;script&gt;");
    expect(department.rows.map((r) => r[0])).toContain("<script>alert(1)</script>应急局");
    expect(data.stats.targets[0]!.source.zh).toContain("郑州市场景驱动人工智能创新发展行动方案");
    expect(data.tables.find((t) => t.id === "sector")!.rows.map((r) => r[0])).toEqual(["医疗健康", "智慧交通"]);
  });

  it("serves each table as CSV with a BOM, in the reader's language; an unknown table is 404", async () => {
    const response = (await csv.loader({ request: request("/stats/csv/mechanism"), params: { table: "mechanism" }, context: {} })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // Response.text() drops a BOM; the bytes keep it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF机制,已发布,征集中,已定榜,挂帅实施中,已交付,公开预算（万元）\r\n")).toBe(true);
    expect(text).toContain("揭榜挂帅,4,1,2,0,1,1000\r\n");
    const en = await ((await csv.loader({ request: request("/stats/csv/stages", "en"), params: { table: "stages" }, context: {} })) as Response).text();
    expect(en).toContain("Published,8\r\n");
    await expect(csv.loader({ request: request("/stats/csv/nope"), params: { table: "nope" }, context: {} })).rejects.toMatchObject({ status: 404 });
  });
});
