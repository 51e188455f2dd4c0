import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";

// The delivery demo data, seeded into a fresh database exactly as `npm start` does: scenarios in
// delivery with milestones at every status, a horse race past its first gate, and at least six
// completed scenarios published as cases that reach their vendors' profiles.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  const { seedDemoData } = await import("../../prisma/seed");
  await seedDemoData(db);
}, 120_000);
afterAll(async () => {
  await cleanup?.();
});

describe("delivery demo data", () => {
  it("has milestones accepted, submitted, returned and overdue in scenarios in delivery", async () => {
    const rows = await db.milestone.groupBy({ by: ["status"], where: { scenario: { status: "in_delivery" } }, _count: true });
    const statuses = rows.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["accepted", "submitted", "returned", "overdue"]));
    const overdue = await db.milestone.findMany({ where: { status: "overdue" }, select: { dueAt: true } });
    for (const m of overdue) expect(m.dueAt.getTime()).toBeLessThan(Date.now());
  });

  it("has a horse race past its first gate, with reasons and a stopped team", async () => {
    const gate = await db.stageGate.findFirstOrThrow({ where: { decidedAt: { not: null }, scenario: { mechanism: "horse_race" } }, include: { outcomes: true } });
    expect(gate.outcomes.filter((o) => o.continues)).toHaveLength(gate.continuing);
    expect(gate.outcomes.every((o) => o.reason.length >= 4)).toBe(true);
    expect(await db.proposal.count({ where: { scenarioId: gate.scenarioId, eliminatedAt: { not: null } } })).toBeGreaterThan(0);
  });

  it("publishes at least six completed scenarios as cases, each on its vendors' profiles with every milestone accepted", async () => {
    const completed = await db.scenario.findMany({
      where: { status: "completed" },
      select: { id: true, kpis: true, milestones: { select: { status: true } }, deliveredCase: { select: { results: true, pastCases: { select: { orgId: true } } } } },
    });
    expect(completed.length).toBeGreaterThanOrEqual(6);
    for (const s of completed) {
      expect(s.deliveredCase).not.toBeNull();
      expect((s.deliveredCase!.results as unknown[]).length).toBe(Math.max(1, s.kpis.length));
      expect(s.deliveredCase!.pastCases.length).toBeGreaterThan(0);
      expect(s.milestones.length).toBeGreaterThan(0);
      expect(s.milestones.every((m) => m.status === "accepted")).toBe(true);
    }
  });
});
