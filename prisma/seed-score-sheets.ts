import type { Prisma, PrismaClient } from "../app/generated/prisma/client";
import { sheetTotal } from "../app/modules/evaluation/aggregate";
import { detectConflicts, type Affiliation, type OrgLink } from "../app/modules/evaluation/conflicts";
import { shanghaiYear } from "../app/modules/scenarios/scenario-dates";
import { teamSizeOf } from "./seed-data/proposal-text";
import { EVALUATIONS, type SeedAssignmentPlan, type SeedWork } from "./seed-data/evaluation-plan";
import { justification, scoreValue, sheetComment, type ScoreFacts } from "./seed-data/score-text";
import { VENDORS } from "./seed-data/vendors";
import type { ScenarioRow, SeedContext, SeededProposal } from "./seed-proposals";

// Assignments, conflict declarations and score sheets, following prisma/seed-data/evaluation-plan.ts.
// Conflicts are detected with the platform's own rule (conflicts.ts) over the seeded affiliations
// and organisation links, at the moment of declaring, so the demo shows what the platform would
// have found; a planned sheet on a conflicted proposal is a mistake in the plan and stops the seed.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEFAULT_DUE_DAYS = 21;

export type PoolAffiliation = { userId: string; orgId: string | null; orgName: string; fromYear: number | null; toYear: number | null };
type CriterionRow = { id: string; scenarioId: string; position: number; name: string; weight: number; maxScore: number };

type Inputs = {
  scenarios: Map<string, ScenarioRow>;
  proposals: SeededProposal[];
  criteria: CriterionRow[];
  evaluatorIds: Map<string, string>;
  affiliations: PoolAffiliation[];
  links: OrgLink[];
  organisations: { id: string; name: string; shortName: string | null }[];
};

// Organisations are compared by id; a name without a platform organisation is looked up by name
// and short name, else it stands for itself (two spellings of one name still meet).
const normalise = (name: string) => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function orgResolver(organisations: Inputs["organisations"]) {
  const byName = new Map<string, string>();
  for (const o of organisations) for (const n of [o.name, o.shortName]) if (n && !byName.has(normalise(n))) byName.set(normalise(n), o.id);
  return (orgId: string | null, name: string) => orgId ?? byName.get(normalise(name)) ?? `name:${normalise(name)}`;
}

/** Per accepted assignment, the state of each proposal: not listed = not declared yet. */
function workOf(plan: SeedAssignmentPlan, vendorKeys: string[]): Map<string, SeedWork> {
  if (!plan.work) return new Map(vendorKeys.map((k) => [k, "submitted" as const]));
  const work = new Map(Object.entries(plan.work));
  for (const k of Object.keys(plan.declaredConflicts ?? {})) if (!work.has(k)) work.set(k, "declared");
  return work;
}

export async function seedScoreSheets(db: PrismaClient, ctx: SeedContext, inputs: Inputs): Promise<void> {
  const { now } = ctx;
  const resolve = orgResolver(inputs.organisations);
  const vendorByKey = new Map(VENDORS.map((v) => [v.key, v]));
  const assignments: { key: string; data: { scenarioId: string; evaluatorId: string; status: SeedAssignmentPlan["status"]; dueAt: Date; assignedById: string; respondedAt: Date | null; declineReason: string | null; createdAt: Date } }[] = [];
  const updates: Promise<unknown>[] = [];
  const later: { key: string; plan: SeedAssignmentPlan; scenario: ScenarioRow; respondedAt: Date; dueAt: Date }[] = [];

  for (const evaluation of EVALUATIONS) {
    const scenario = inputs.scenarios.get(evaluation.code);
    if (!scenario?.closedAt || scenario.status === "closed") throw new Error(`[seed] ${evaluation.code} is not being or has not been evaluated`);
    const dueAt = new Date(scenario.closedAt.getTime() + (evaluation.dueDays ?? DEFAULT_DUE_DAYS) * DAY);
    if ((scenario.status === "evaluating") !== (dueAt > now)) throw new Error(`[seed] ${evaluation.code}: the due date does not fit the status`);
    updates.push(db.scenario.update({ where: { id: scenario.id }, data: { evaluationDueAt: dueAt, blindReview: evaluation.blindReview ?? false }, select: { id: true } }));
    evaluation.assignments.forEach((plan, i) => {
      // Late invitations (a replacement, a fourth expert) went out two days ago; the rest the day after closing.
      const createdAt = plan.status === "invited" ? new Date(now.getTime() - 2 * DAY + i * HOUR) : new Date(scenario.closedAt!.getTime() + DAY + i * 2 * HOUR);
      const respondedAt = plan.status === "invited" ? null : new Date(createdAt.getTime() + 10 * HOUR);
      const key = `${scenario.id}/${inputs.evaluatorIds.get(plan.evaluator)}`;
      assignments.push({
        key,
        data: {
          scenarioId: scenario.id, evaluatorId: inputs.evaluatorIds.get(plan.evaluator)!, status: plan.status, dueAt, assignedById: scenario.createdById,
          respondedAt, declineReason: plan.declineReason ?? null, createdAt,
        },
      });
      if (plan.status === "accepted") later.push({ key, plan, scenario, respondedAt: respondedAt!, dueAt });
    });
  }
  await Promise.all(updates);
  const created = await db.evaluationAssignment.createManyAndReturn({ data: assignments.map((a) => a.data), select: { id: true, scenarioId: true, evaluatorId: true } });
  const assignmentId = new Map(created.map((a) => [`${a.scenarioId}/${a.evaluatorId}`, a.id]));

  const declarations: Prisma.ConflictDeclarationCreateManyInput[] = [];
  const sheets: { assignmentId: string; proposalId: string; status: "draft" | "submitted"; version: number; comment: string; submittedAt: Date | null; updatedAt: Date; scores: { criterionId: string; value: number; justification: string }[] }[] = [];
  for (const { key, plan, scenario, respondedAt, dueAt } of later) {
    const evaluatorId = inputs.evaluatorIds.get(plan.evaluator)!;
    const own: Affiliation[] = inputs.affiliations.filter((a) => a.userId === evaluatorId).map((a) => ({ ...a, orgId: resolve(a.orgId, a.orgName) }));
    const proposals = inputs.proposals.filter((p) => p.code === scenario.code);
    const work = workOf(plan, proposals.map((p) => p.vendorKey));
    const criteria = inputs.criteria.filter((c) => c.scenarioId === scenario.id);
    const end = Math.min(now.getTime() - 3 * HOUR, dueAt.getTime() - DAY);
    proposals.filter((p) => work.has(p.vendorKey)).forEach((p, j) => {
      const declaredAt = new Date(respondedAt.getTime() + 2 * HOUR + j * 15 * 60_000);
      const parties = { leadOrgId: p.orgId, memberOrgIds: p.consortium.map((m) => resolve(null, m.name)) };
      const detected = detectConflicts(own, parties, inputs.links, shanghaiYear(declaredAt));
      const declared = plan.declaredConflicts?.[p.vendorKey];
      const conflicted = declared !== undefined || detected.length > 0;
      declarations.push({
        assignmentId: assignmentId.get(key)!, proposalId: p.id, conflicted, reason: declared ?? "", detected: detected as unknown as Prisma.InputJsonValue, declaredAt,
      });
      const state = work.get(p.vendorKey)!;
      if (state === "declared") return;
      if (conflicted) {
        if (plan.work) throw new Error(`[seed] ${scenario.code}: ${plan.evaluator} is conflicted on ${p.vendorKey} and cannot score it`);
        return;
      }
      const facts: ScoreFacts = { scenario: p.seed, plan: p.plan, budgetYuan: p.budgetYuan, milestoneCount: p.milestoneCount, teamSize: teamSizeOf(vendorByKey.get(p.vendorKey)!) };
      // A draft has the first half of the criteria filled in.
      const filled = state === "submitted" ? criteria : criteria.slice(0, Math.ceil(criteria.length / 2));
      const scores = filled.map((c) => {
        const k = { code: scenario.code, vendorKey: p.vendorKey, evaluatorKey: plan.evaluator, position: c.position };
        const value = scoreValue(k, c, p.plan, plan.disagree?.[p.vendorKey] ?? 0);
        return { criterionId: c.id, value, justification: justification(k, c, value, facts) };
      });
      const submittedAt = state === "submitted" ? new Date(declaredAt.getTime() + (end - declaredAt.getTime()) * (0.35 + 0.12 * j)) : null;
      const total = sheetTotal(criteria, Object.fromEntries(scores.map((s) => [s.criterionId, s.value])));
      sheets.push({
        assignmentId: assignmentId.get(key)!, proposalId: p.id, status: state, version: state === "submitted" ? 2 : 1,
        comment: state === "submitted" ? sheetComment(total) : "", submittedAt,
        updatedAt: submittedAt ?? new Date(Math.max(declaredAt.getTime() + HOUR, now.getTime() - (5 + j) * HOUR)), scores,
      });
    });
  }
  await db.conflictDeclaration.createMany({ data: declarations });
  const createdSheets = await db.scoreSheet.createManyAndReturn({
    data: sheets.map(({ scores: _scores, ...sheet }) => sheet),
    select: { id: true, assignmentId: true, proposalId: true },
  });
  const sheetId = new Map(createdSheets.map((s) => [`${s.assignmentId}/${s.proposalId}`, s.id]));
  await db.score.createMany({ data: sheets.flatMap((s) => s.scores.map((score) => ({ sheetId: sheetId.get(`${s.assignmentId}/${s.proposalId}`)!, ...score }))) });
}
