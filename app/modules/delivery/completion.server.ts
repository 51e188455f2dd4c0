import type { AuditActor } from "~/modules/audit/audit.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { db, type Tx } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { AppError } from "~/utils/errors.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import { isDelivering } from "./delivery-phase";
import { beijingYear, caseResults, caseSummary, validSolution } from "./case-content";

/** Milestones that still count: teams not stopped at a gate. */
const live = (scenarioId: string) => ({ scenarioId, proposal: { eliminatedAt: null } });

/**
 * Whether accepting has left nothing open: every counted milestone accepted, every stage gate
 * decided, and the scenario in delivery.
 */
export async function deliveryWouldComplete(tx: Tx, scenarioId: string): Promise<boolean> {
  const [scenario, open, total, gatesOpen] = await Promise.all([
    tx.scenario.findUnique({ where: { id: scenarioId }, select: { status: true } }),
    tx.milestone.count({ where: { ...live(scenarioId), status: { not: "accepted" } } }),
    tx.milestone.count({ where: live(scenarioId) }),
    tx.stageGate.count({ where: { scenarioId, decidedAt: null } }),
  ]);
  return !!scenario && isDelivering(scenario.status) && total > 0 && open === 0 && gatesOpen === 0;
}

/**
 * in_delivery → completed, and the delivered case is published with it: the case row, one PastCase
 * per delivering organisation (how the case reaches the vendor's profile and matching) and the
 * index sync of the scenario (cases index) and of each organisation (vendor index).
 */
export async function completeDelivery(
  tx: Tx,
  scenarioId: string,
  actor: AuditActor | null,
  input: { solution: string; results: readonly string[] },
  now = new Date(),
): Promise<string> {
  const scenario = await tx.scenario.findUniqueOrThrow({
    where: { id: scenarioId },
    select: { id: true, title: true, summary: true, sector: true, kpis: true, deliveryStartedAt: true, createdAt: true },
  });
  const results = caseResults(scenario, input.results);
  if (!results || !validSolution(input.solution)) throw new AppError("dl.v.caseFields", 400);
  const teams = await tx.proposal.findMany({ where: { scenarioId, status: "awarded", eliminatedAt: null }, select: { orgId: true } });
  // One case per scenario (unique): of two officers completing at once, the second gets a 409.
  const deliveredCase = await tx.deliveredCase.create({
    data: {
      scenarioId, problem: scenario.summary, solution: input.solution.trim(), results,
      periodStart: scenario.deliveryStartedAt ?? scenario.createdAt, periodEnd: now, publishedAt: now,
    },
    select: { id: true },
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("error.conflict", 409);
    throw error;
  });
  const summary = caseSummary(input.solution, results);
  for (const t of teams) {
    await tx.pastCase.create({
      data: { orgId: t.orgId, title: scenario.title, sector: scenario.sector, year: beijingYear(now), summary, deliveredCaseId: deliveredCase.id },
    });
  }
  await transitionScenario(tx, { id: scenarioId }, "completed", actor, {
    set: { completedAt: now },
    audit: { action: "scenario.complete", data: { caseId: deliveredCase.id, vendors: teams.map((t) => t.orgId) } },
  });
  for (const t of teams) await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: t.orgId });
  return deliveredCase.id;
}

export type CaseInput = { solution: string; results: readonly string[] };

/**
 * The department completes a delivery that nothing else will complete: a horse race whose last stage
 * gate was decided after every continuing team's milestones were accepted, or whose gate stopped the
 * only team with milestones still open. The acceptance that would normally carry the case text has
 * already happened, so the delivery page offers this form whenever `deliveryWouldComplete` holds.
 * Same case rules, same transition and audit event (scenario.complete) as the last acceptance.
 */
export async function completeReadyDelivery(user: CurrentUser, key: { id: string; departmentId: string }, input: CaseInput, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    const scenario = await tx.scenario.findFirst({ where: { id: key.id, departmentId: key.departmentId }, select: { id: true } });
    if (!scenario) throw new AppError("error.notFound", 404);
    if (!(await deliveryWouldComplete(tx, scenario.id))) throw new AppError("dl.complete.notReady", 409);
    return completeDelivery(tx, scenario.id, { id: user.id, context: user.context }, input, now);
  });
}
