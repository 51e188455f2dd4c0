import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankProposals, type ProposalSheets } from "../../app/modules/evaluation/aggregate";
import { detectConflicts, type OrgLink } from "../../app/modules/evaluation/conflicts";
import { readMilestones } from "../../app/modules/proposals/lines";
import { digestOf, proposalContent, receiptFileSelect } from "../../app/modules/proposals/receipt";
import { readRubric, weightTotal } from "../../app/modules/scenarios/rubric";
import { shanghaiYear } from "../../app/modules/scenarios/scenario-dates";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { OWN_CASES } from "../../prisma/seed-data/delivery-cases";
import { useAppDatabase } from "../setup/app-database";

// The demo data for evaluation, seeded into a fresh database exactly as `npm start` does: proposals
// with true receipts on every scenario past its deadline, criteria frozen from the rubrics, and
// assignments, conflicts and score sheets that obey the platform's own rules.

const AFTER_CLOSE = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"] as const;
const EVALUATED = ["award_proposed", "notice", "awarded", "in_delivery", "completed"];

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

// The delivery seed's own completed scenarios stand for cases delivered before this demo's
// evaluation records begin: they carry their awarded proposal and delivery only.
const DELIVERY_ONLY = OWN_CASES.map((c) => c.code);

async function closedScenarios() {
  return db.scenario.findMany({ where: { status: { in: [...AFTER_CLOSE] }, code: { notIn: DELIVERY_ONLY } }, select: scenarioSelect, orderBy: { code: "asc" } });
}

/** Every accepted assignment of a scenario with its declarations and sheets. */
async function evaluationOf(scenarioId: string) {
  return db.evaluationAssignment.findMany({
    where: { scenarioId },
    select: {
      id: true, status: true, declineReason: true, evaluatorId: true,
      declarations: { select: { proposalId: true, conflicted: true, reason: true, detected: true } },
      sheets: { select: { proposalId: true, status: true, scores: { select: { criterionId: true, value: true } } } },
    },
  });
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
      // The published shortlist: the chosen plus reserve candidates, at least three in all (ADR 008).
      const listed = Math.min(Math.max(3, chosen), proposals.length);
      if (s.status === "award_proposed" || s.status === "notice") {
        expect(statuses.filter((x) => x === "shortlisted").length, s.code).toBe(listed);
        expect(statuses.filter((x) => x === "not_selected").length, s.code).toBe(proposals.length - listed);
      }
      if (s.status === "awarded" || s.status === "in_delivery" || s.status === "completed") {
        expect(statuses.filter((x) => x === "awarded").length, s.code).toBe(chosen);
        expect(statuses.filter((x) => x === "shortlisted").length, s.code).toBe(listed - chosen);
        expect(statuses.filter((x) => x === "not_selected").length, s.code).toBe(proposals.length - listed);
      }
    }
  });

  it("every scenario past its evaluation has its award decision; those in notice have a running notice, one an objection pending", async () => {
    const stage: Record<string, string> = { award_proposed: "proposed", notice: "in_notice", awarded: "final", in_delivery: "final", completed: "final" };
    const scenarios = await db.scenario.findMany({ where: { status: { in: EVALUATED as never[] }, code: { notIn: DELIVERY_ONLY } }, select: { id: true, code: true, status: true } });
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
    const now = Date.now();
    for (const s of scenarios) {
      // The current round (an earlier one may have been withdrawn: see the next test).
      const d = await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.id }, orderBy: { round: "desc" }, select: { status: true, winnerIds: true, ranking: true, noticeStartsAt: true, noticeEndsAt: true } });
      expect(d.status, s.code).toBe(stage[s.status]);
      expect((d.ranking as { winner: boolean }[]).filter((r) => r.winner).length, s.code).toBe(d.winnerIds.length);
      if (d.status === "in_notice") expect(d.noticeStartsAt!.getTime() < now && d.noticeEndsAt!.getTime() > now, s.code).toBe(true);
      if (d.status === "final") expect(d.noticeEndsAt!.getTime() < now, s.code).toBe(true);
    }
    const pending = await db.objection.findMany({ where: { status: { in: ["filed", "answered"] } }, select: { status: true, scenario: { select: { code: true, status: true } } } });
    expect(pending.map((o) => [o.scenario.code, o.scenario.status, o.status])).toEqual(expect.arrayContaining([["ZZ-2026-0021", "notice", "filed"], ["ZZ-2026-0017", "notice", "answered"]]));
  });

  it("one scenario shows a withdrawn decision: an upheld objection within its notice sent it back, and the revised round is in notice", async () => {
    const withdrawn = await db.awardDecision.findMany({
      where: { status: "withdrawn" },
      select: {
        id: true, round: true, winnerIds: true, note: true, ranking: true, noticeStartsAt: true, noticeEndsAt: true, withdrawnAt: true, finalisedAt: true,
        scenario: { select: { id: true, code: true, status: true } },
        objections: { select: { status: true, orgId: true, answer: true, outcomeReason: true, decidedById: true, decidedAt: true, createdAt: true } },
      },
    });
    expect(withdrawn.map((d) => [d.scenario.code, d.scenario.status, d.round])).toEqual([["ZZ-2026-0017", "notice", 1]]);
    const [d] = withdrawn;
    // Withdrawn within its notice period, never final, by an upheld objection answered first and decided by an admin.
    expect(d!.finalisedAt).toBeNull();
    expect(d!.noticeStartsAt! < d!.withdrawnAt! && d!.withdrawnAt! < d!.noticeEndsAt!).toBe(true);
    expect(d!.objections).toHaveLength(1);
    const [objection] = d!.objections;
    expect(objection!.status).toBe("upheld");
    expect(objection!.answer).toBeTruthy();
    expect(objection!.outcomeReason).toBeTruthy();
    expect(objection!.decidedAt!.getTime()).toBe(d!.withdrawnAt!.getTime());
    const admin = await db.membership.findFirstOrThrow({ where: { userId: objection!.decidedById!, role: "admin" } });
    expect(admin).toBeTruthy();
    // The first round chose the second-ranked with a written reason; the top-ranked objected; the revised round chose it.
    const ranking = d!.ranking as { proposalId: string; orgId: string; rank: number; winner: boolean }[];
    expect(ranking.find((r) => r.winner)?.rank).toBe(2);
    expect(d!.note.length).toBeGreaterThan(20);
    expect(objection!.orgId).toBe(ranking.find((r) => r.rank === 1)!.orgId);
    const current = await db.awardDecision.findFirstOrThrow({ where: { scenarioId: d!.scenario.id, round: 2 }, select: { status: true, winnerIds: true, noticeStartsAt: true } });
    expect(current.status).toBe("in_notice");
    expect(current.winnerIds).toEqual([ranking.find((r) => r.rank === 1)!.proposalId]);
    expect(current.noticeStartsAt!.getTime()).toBeGreaterThan(d!.withdrawnAt!.getTime());
    // The send-back is audited as the commands do it, and every audited event parses with its schema.
    const { AUDIT_EVENTS } = await import("../../app/modules/audit/audit-events");
    const objectionAudit = await db.auditEvent.findMany({ where: { OR: [{ entityId: d!.scenario.id, action: "scenario.sendBack" }, { action: { startsWith: "objection." }, data: { path: ["scenarioId"], equals: d!.scenario.id } }, { action: "proposal.reconsider", data: { path: ["decisionId"], equals: d!.id } }] }, select: { action: true, data: true } });
    expect(objectionAudit.map((e) => e.action).sort()).toEqual(["objection.answer", "objection.decide", "objection.file", "proposal.reconsider", "proposal.reconsider", "proposal.reconsider", "scenario.sendBack"]);
    for (const e of objectionAudit) expect(AUDIT_EVENTS[e.action as keyof typeof AUDIT_EVENTS].data.safeParse(e.data).success, e.action).toBe(true);
  });

  it("the demo vendor has a draft on one open call and a sealed submission on another", async () => {
    const member = await db.membership.findFirstOrThrow({ where: { user: { email: DEMO_LOGINS[3].email } }, select: { orgId: true } });
    const open = await db.proposal.findMany({ where: { orgId: member.orgId, scenario: { status: "published" } }, select: { status: true, submissions: { select: { id: true } } } });
    expect(open.map((p) => p.status).sort()).toEqual(["draft", "submitted"]);
    expect(open.find((p) => p.status === "draft")!.submissions).toHaveLength(0);
    expect(open.find((p) => p.status === "submitted")!.submissions).toHaveLength(1);
  });
});

describe("criteria and score sheets", () => {
  it("freezes each rubric into criteria whose weights total 100", async () => {
    for (const s of await closedScenarios()) {
      const criteria = await db.criterion.findMany({ where: { scenarioId: s.id }, orderBy: { position: "asc" } });
      expect(criteria.map((c) => ({ criterion: c.name, guidance: c.guidance, weight: c.weight, maxScore: c.maxScore })), s.code).toEqual(readRubric(s.rubric));
      expect(criteria.map((c) => c.position), s.code).toEqual(criteria.map((_, i) => i));
      expect(weightTotal(criteria.map((c) => c.weight)), s.code).toBe(100);
    }
  });

  it("scores every criterion 0…max in steps of 0.5 with a justification of at least 20 characters; submitted sheets are complete", async () => {
    const sheets = await db.scoreSheet.findMany({
      select: {
        status: true, comment: true, assignment: { select: { scenarioId: true } },
        scores: { select: { value: true, justification: true, criterion: { select: { maxScore: true, scenarioId: true } } } },
      },
    });
    expect(sheets.filter((s) => s.status === "submitted").length).toBeGreaterThanOrEqual(100);
    expect(sheets.filter((s) => s.status === "draft").length).toBeGreaterThanOrEqual(5);
    for (const sheet of sheets) {
      const criteria = await db.criterion.count({ where: { scenarioId: sheet.assignment.scenarioId } });
      if (sheet.status === "submitted") {
        expect(sheet.scores).toHaveLength(criteria);
        expect(sheet.comment.length).toBeGreaterThan(10);
      } else {
        expect(sheet.scores.length).toBeGreaterThan(0);
        expect(sheet.scores.length).toBeLessThan(criteria);
      }
      for (const score of sheet.scores) {
        expect(score.criterion.scenarioId).toBe(sheet.assignment.scenarioId);
        expect(score.value).not.toBeNull();
        expect(score.value! >= 0 && score.value! <= score.criterion.maxScore && Number.isInteger(score.value! * 2), `${score.value}`).toBe(true);
        expect([...score.justification].length, score.justification).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it("has a sheet only where an accepted evaluator declared no conflict", async () => {
    const sheets = await db.scoreSheet.findMany({ select: { proposalId: true, assignment: { select: { status: true, declarations: true } } } });
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      expect(sheet.assignment.status).toBe("accepted");
      const declaration = sheet.assignment.declarations.find((d) => d.proposalId === sheet.proposalId);
      expect(declaration?.conflicted).toBe(false);
    }
  });

  it("fully scores exactly one scenario in evaluation, and every evaluated scenario, whose chosen proposals rank first", async () => {
    const fullyScored: string[] = [];
    for (const s of await closedScenarios()) {
      if (s.status === "closed") {
        expect(await db.evaluationAssignment.count({ where: { scenarioId: s.id } }), s.code).toBe(0);
        continue;
      }
      const proposals = await db.proposal.findMany({ where: { scenarioId: s.id }, select: { id: true, status: true } });
      const accepted = (await evaluationOf(s.id)).filter((a) => a.status === "accepted");
      const complete = accepted.length >= 3 && accepted.every((a) => proposals.every((p) => {
        const d = a.declarations.find((x) => x.proposalId === p.id);
        return d && (d.conflicted || a.sheets.some((sh) => sh.proposalId === p.id && sh.status === "submitted"));
      }));
      if (s.status === "evaluating" && complete) fullyScored.push(s.code);
      if (!EVALUATED.includes(s.status)) continue;
      expect(complete, s.code).toBe(true);
      const criteria = await db.criterion.findMany({ where: { scenarioId: s.id }, select: { id: true, position: true, weight: true, maxScore: true } });
      const input: ProposalSheets[] = proposals.map((p) => ({
        proposalId: p.id,
        sheets: accepted.flatMap((a) => a.sheets.filter((sh) => sh.proposalId === p.id).map((sh) => ({
          evaluatorId: a.evaluatorId, scores: Object.fromEntries(sh.scores.map((x) => [x.criterionId, x.value!])),
        }))),
      }));
      const chosen = proposals.filter((p) => p.status === "shortlisted" || p.status === "awarded").map((p) => p.id).sort();
      const top = rankProposals(criteria, input).slice(0, chosen.length).map((r) => r.proposalId).sort();
      expect(top, s.code).toEqual(chosen);
    }
    expect(fullyScored).toEqual(["ZZ-2026-0015"]);
  });
});

describe("assignments and conflicts", () => {
  it("staffs every scenario in evaluation with 3–5 experts and a due date ahead; some invitations are open, some declined with a reason; one is blind", async () => {
    const evaluating = (await closedScenarios()).filter((s) => s.status === "evaluating");
    expect(evaluating.length).toBeGreaterThanOrEqual(4);
    const all = [];
    for (const s of evaluating) {
      const assignments = await evaluationOf(s.id);
      expect(assignments.length, s.code).toBeGreaterThanOrEqual(3);
      expect(assignments.length, s.code).toBeLessThanOrEqual(5);
      expect(assignments.filter((a) => a.status !== "declined").length, s.code).toBeGreaterThanOrEqual(3);
      expect(s.evaluationDueAt!.getTime(), s.code).toBeGreaterThan(Date.now());
      all.push(...assignments);
    }
    expect(all.some((a) => a.status === "invited")).toBe(true);
    const declined = all.filter((a) => a.status === "declined");
    expect(declined.length).toBeGreaterThan(0);
    for (const a of declined) expect(a.declineReason!.length).toBeGreaterThan(10);
    expect(evaluating.filter((s) => s.blindReview).length).toBe(1);
  });

  it("gives the health and water officers a scenario of their own in evaluation", async () => {
    for (const login of [DEMO_LOGINS[1], DEMO_LOGINS[2]]) {
      const { orgId } = await db.membership.findFirstOrThrow({ where: { user: { email: login.email } }, select: { orgId: true } });
      expect(await db.scenario.count({ where: { departmentId: orgId, status: "evaluating", assignments: { some: {} } } }), login.email).toBeGreaterThan(0);
    }
  });

  it("gives the demo evaluator one assignment to accept, one in progress with a draft sheet and one done", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[5].email }, select: { id: true, name: true, evaluatorProfile: true, affiliations: true } });
    expect(user.name).toBe("评审专家 刘振宇");
    expect(user.evaluatorProfile!.sectors.length).toBeGreaterThan(0);
    expect(user.affiliations.some((a) => a.toYear === null)).toBe(true);
    const mine = await db.evaluationAssignment.findMany({
      where: { evaluatorId: user.id, scenario: { status: "evaluating" } },
      select: { status: true, scenario: { select: { proposals: { select: { id: true } } } }, declarations: true, sheets: { select: { status: true, proposalId: true } } },
    });
    const done = (a: (typeof mine)[number]) => a.scenario.proposals.every((p) =>
      a.declarations.some((d) => d.proposalId === p.id && (d.conflicted || a.sheets.some((s) => s.proposalId === p.id && s.status === "submitted"))));
    expect(mine.filter((a) => a.status === "invited")).toHaveLength(1);
    expect(mine.filter((a) => a.status === "accepted" && !done(a) && a.sheets.some((s) => s.status === "draft"))).toHaveLength(1);
    expect(mine.filter((a) => a.status === "accepted" && done(a))).toHaveLength(1);
  });

  it("records declared and detected conflicts, and every declaration agrees with conflict detection over the seeded affiliations and links", async () => {
    const declarations = await db.conflictDeclaration.findMany({
      select: {
        conflicted: true, reason: true, detected: true, declaredAt: true,
        assignment: { select: { evaluatorId: true } }, proposal: { select: { orgId: true, consortiumMembers: true } },
      },
    });
    const organisations = await db.organisation.findMany({ select: { id: true, name: true, shortName: true } });
    const links: OrgLink[] = await db.organisationLink.findMany({ select: { fromOrgId: true, toOrgId: true, kind: true } });
    const affiliations = await db.evaluatorAffiliation.findMany({ select: { userId: true, orgId: true, orgName: true, fromYear: true, toYear: true } });
    const memberships = await db.membership.findMany({ where: { role: "evaluator" }, select: { userId: true, orgId: true, org: { select: { name: true } } } });
    // An organisation named without an id is the platform organisation of that name, if any.
    const norm = (n: string) => n.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    const byName = new Map(organisations.flatMap((o) => [o.name, o.shortName].filter(Boolean).map((n) => [norm(n!), o.id] as const)));
    const idFor = (orgId: string | null, name: string) => orgId ?? byName.get(norm(name)) ?? `name:${norm(name)}`;

    for (const d of declarations) {
      const own = [
        ...affiliations.filter((a) => a.userId === d.assignment.evaluatorId).map((a) => ({ ...a, orgId: idFor(a.orgId, a.orgName) })),
        ...memberships.filter((m) => m.userId === d.assignment.evaluatorId).map((m) => ({ orgId: m.orgId, orgName: m.org.name, fromYear: null, toYear: null })),
      ];
      const members = (d.proposal.consortiumMembers as { name: string }[]).map((m) => idFor(null, m.name));
      const expected = detectConflicts(own, { leadOrgId: d.proposal.orgId, memberOrgIds: members }, links, shanghaiYear(d.declaredAt));
      expect(d.detected).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(d.conflicted).toBe(d.reason !== "" || expected.length > 0);
    }
    const declared = declarations.filter((d) => d.reason !== "");
    expect(declared.length).toBeGreaterThan(0);
    for (const d of declared) expect([...d.reason].length).toBeGreaterThanOrEqual(20);
    const detected = declarations.filter((d) => (d.detected as unknown[]).length > 0);
    expect(detected).toHaveLength(1);
    expect(detected[0]!.detected).toEqual([expect.objectContaining({ kind: "linked_org", link: "shareholder" })]);
    // Somebody's former employer proposed, but they left more than three years ago: no conflict.
    const lapsed = affiliations.filter((a) => a.orgId && a.toYear !== null && a.toYear < new Date().getFullYear() - 3);
    const scoredDespitePast = await db.scoreSheet.count({
      where: { OR: lapsed.map((a) => ({ assignment: { evaluatorId: a.userId }, proposal: { orgId: a.orgId! } })) },
    });
    expect(scoredDespitePast).toBeGreaterThan(0);
  });
});
