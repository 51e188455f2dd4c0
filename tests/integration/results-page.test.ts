import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { callLoader } from "../fixtures/route-calls";

// /results against the demo data: the list is recomputed here from the award decisions and objections,
// the page is signed out (no cookie), and bad page numbers answer 4xx.

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
type Row = { code: string; winners: string[]; amount: number | null; awardedAt: string; upheld: number; dismissed: number };
type Page = { page: number; pages: number; total: number; results: Row[] };

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  await (await import("../../prisma/seed")).seedDemoData(db);
}, 300_000);
afterAll(async () => {
  await cleanup?.();
});

const load = async (url: string) => callLoader((await import("../../app/routes/results._index")).loader, url, {});

it("lists every final award, newest first, with its notice's winners, the public budget and the decided objections", async () => {
  const decisions = await db.awardDecision.findMany({
    where: { status: "final", finalisedAt: { not: null }, noticeStartsAt: { not: null } },
    select: { ranking: true, finalisedAt: true, scenarioId: true, scenario: { select: { code: true, budgetMax: true, budgetMin: true } } },
    orderBy: [{ finalisedAt: "desc" }, { id: "desc" }],
  });
  expect(decisions.length).toBeGreaterThan(0);
  const outcome = await load("/results");
  expect(outcome.status).toBe(200);
  const body = outcome.body as Page;
  expect(body.total).toBe(decisions.length);
  expect(body.results.map((r) => r.code)).toEqual(decisions.slice(0, 20).map((d) => d.scenario.code));
  for (const [n, r] of body.results.entries()) {
    const d = decisions[n]!;
    expect(r.winners.sort()).toEqual((d.ranking as { orgName: string; winner: boolean }[]).filter((x) => x.winner).map((x) => x.orgName).sort());
    expect(r.amount).toBe(Number(d.scenario.budgetMax ?? d.scenario.budgetMin));
    expect(r.awardedAt).toBe(d.finalisedAt!.toISOString());
    expect(r.upheld).toBe(await db.objection.count({ where: { scenarioId: d.scenarioId, status: "upheld" } }));
    expect(r.dismissed).toBe(await db.objection.count({ where: { scenarioId: d.scenarioId, status: "dismissed" } }));
  }
  // A running notice is not a result yet.
  const running = await db.awardDecision.findMany({ where: { status: "in_notice" }, select: { scenario: { select: { code: true } } } });
  expect(running.length).toBeGreaterThan(0);
  for (const r of running) expect(body.results.map((x) => x.code)).not.toContain(r.scenario.code);
});

it("counts an objection's outcome once it is decided", async () => {
  const d = await db.awardDecision.findFirstOrThrow({ where: { status: "final" }, orderBy: { finalisedAt: "desc" }, select: { id: true, scenarioId: true, scenario: { select: { code: true } } } });
  const org = await db.organisation.findFirstOrThrow({ where: { type: "vendor" }, select: { id: true, memberships: { select: { userId: true }, take: 1 } } });
  await db.objection.create({
    data: { reference: "YY-2099-0001", scenarioId: d.scenarioId, decisionId: d.id, orgId: org.id, filedById: org.memberships[0]!.userId, grounds: "理由", status: "dismissed", outcomeReason: "不成立", decidedAt: new Date() },
  });
  const row = (((await load("/results")).body as Page).results).find((r) => r.code === d.scenario.code)!;
  expect(row.dismissed).toBeGreaterThanOrEqual(1);
  expect(row.dismissed).toBe(await db.objection.count({ where: { scenarioId: d.scenarioId, status: "dismissed" } }));
});

it("a page number that is not a positive integer is a 400, one past the last page a 404", async () => {
  for (const bad of ["0", "-1", "abc", "1.5"]) expect((await load(`/results?page=${bad}`)).status, bad).toBe(400);
  const { pages } = (await load("/results")).body as Page;
  expect((await load(`/results?page=${pages + 1}`)).status).toBe(404);
});
