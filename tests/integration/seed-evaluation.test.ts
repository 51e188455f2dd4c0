import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMilestones } from "../../app/modules/proposals/lines";
import { digestOf, proposalContent, receiptFileSelect } from "../../app/modules/proposals/receipt";
import { readRubric, weightTotal } from "../../app/modules/scenarios/rubric";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { useAppDatabase } from "../setup/app-database";

// The demo data for evaluation, seeded into a fresh database exactly as `npm start` does: proposals
// with true receipts on every scenario past its deadline, and criteria frozen from the rubrics.

const AFTER_CLOSE = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"] as const;

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  const { seedDemoData } = await import("../../prisma/seed");
  await seedDemoData(db);
});
afterAll(async () => {
  await cleanup?.();
});

const scenarioSelect = {
  id: true, code: true, status: true, mechanism: true, raceTeams: true, budgetMin: true, budgetMax: true, rubric: true, blindReview: true,
  evaluationDueAt: true, departmentId: true, invitations: { select: { orgId: true } },
} as const;

async function closedScenarios() {
  return db.scenario.findMany({ where: { status: { in: [...AFTER_CLOSE] } }, select: scenarioSelect, orderBy: { code: "asc" } });
}

describe("proposals", () => {
  it("every scenario past its deadline has 3–5 proposals (directed: only invitees), each sealed with a receipt that matches its content", async () => {
    const scenarios = await closedScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    for (const s of scenarios) {
      const proposals = await db.proposal.findMany({ where: { scenarioId: s.id }, include: { submissions: true, attachments: { select: receiptFileSelect } } });
      if (s.mechanism === "directed") {
        expect(proposals.length, s.code).toBeGreaterThanOrEqual(1);
        for (const p of proposals) expect(s.invitations.map((i) => i.orgId), s.code).toContain(p.orgId);
      } else {
        expect(proposals.length, s.code).toBeGreaterThanOrEqual(3);
        expect(proposals.length, s.code).toBeLessThanOrEqual(5);
      }
      for (const p of proposals) {
        expect(p.submissions.map((r) => r.number), s.code).toEqual([1]);
        const [receipt] = p.submissions;
        expect(digestOf(receipt!.content), s.code).toBe(receipt!.digest);
        expect(receipt!.content, s.code).toEqual(JSON.parse(JSON.stringify(proposalContent(p))));
        expect(p.submittedAt!.getTime(), s.code).toBeLessThanOrEqual(receipt!.submittedAt.getTime());
        expect(readMilestones(p.milestones).length, s.code).toBe((p.milestones as unknown[]).length);
        expect(readMilestones(p.milestones).length, s.code).toBeGreaterThanOrEqual(4);
        expect(p.technicalApproach, s.code).toContain("## 技术路线");
        if (s.budgetMin != null) expect(p.budgetRequest! >= s.budgetMin && p.budgetRequest! <= s.budgetMax!, s.code).toBe(true);
      }
      const statuses = proposals.map((p) => p.status).sort();
      const chosen = s.mechanism === "horse_race" ? s.raceTeams! : 1;
      if (s.status === "closed" || s.status === "evaluating") expect(new Set(statuses), s.code).toEqual(new Set(["under_review"]));
      if (s.status === "award_proposed" || s.status === "notice") {
        expect(statuses.filter((x) => x === "shortlisted").length, s.code).toBe(chosen);
        expect(statuses.filter((x) => x === "not_selected").length, s.code).toBe(proposals.length - chosen);
      }
      if (s.status === "awarded" || s.status === "in_delivery" || s.status === "completed") {
        expect(statuses.filter((x) => x === "awarded").length, s.code).toBe(chosen);
        expect(statuses.filter((x) => x === "not_selected").length, s.code).toBe(proposals.length - chosen);
      }
    }
  });

  it("the demo vendor has a draft on one open call and a sealed submission on another", async () => {
    const member = await db.membership.findFirstOrThrow({ where: { user: { email: DEMO_LOGINS[3].email } }, select: { orgId: true } });
    const open = await db.proposal.findMany({ where: { orgId: member.orgId, scenario: { status: "published" } }, select: { status: true, submissions: { select: { id: true } } } });
    expect(open.map((p) => p.status).sort()).toEqual(["draft", "submitted"]);
    expect(open.find((p) => p.status === "draft")!.submissions).toHaveLength(0);
    expect(open.find((p) => p.status === "submitted")!.submissions).toHaveLength(1);
  });
});

describe("criteria", () => {
  it("freezes each rubric into criteria whose weights total 100", async () => {
    for (const s of await closedScenarios()) {
      const criteria = await db.criterion.findMany({ where: { scenarioId: s.id }, orderBy: { position: "asc" } });
      expect(criteria.map((c) => ({ criterion: c.name, guidance: c.guidance, weight: c.weight, maxScore: c.maxScore })), s.code).toEqual(readRubric(s.rubric));
      expect(criteria.map((c) => c.position), s.code).toEqual(criteria.map((_, i) => i));
      expect(weightTotal(criteria.map((c) => c.weight)), s.code).toBe(100);
    }
  });
});
