import type { Prisma } from "~/generated/prisma/client";
import type { AuditActor } from "~/modules/audit/audit.server";
import { assertTransition } from "~/modules/scenarios/scenario-status";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { AppError } from "~/utils/errors.server";
import { scheduleMilestoneDue } from "~/modules/deadlines/milestone-due.deadline.server";
import { planFromProposal, type PlannedMilestone } from "./milestone-plan";

const DAY_MS = 86_400_000;

/**
 * A proposal whose milestone rows cannot be read (none, or none with a date) still gets one:
 * acceptance of the whole at the end of the scenario's project period (six months when unset), so a
 * delivery never starts with nothing to accept.
 */
function fallbackPlan(start: Date, projectMonths: number | null): PlannedMilestone[] {
  const dueAt = new Date(start.getTime() + (projectMonths ?? 6) * 30 * DAY_MS);
  return [{ position: 1, name: "整体验收 Final acceptance", dueAt, deliverable: "", acceptanceEvidence: "" }];
}

/**
 * 挂帅: awarded → in_delivery. The awarded proposal(s)' milestones become Milestone records (for a
 * horse race, every team's), each due date goes on the deadline registry, and the move is audited
 * with what it created. Called by the award finalisation inside its transaction; creating the
 * records there means a delivery never exists without its plan.
 */
export async function startDelivery(tx: Prisma.TransactionClient, scenarioId: string, actor: AuditActor | null): Promise<void> {
  const scenario = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { id: true, status: true, projectMonths: true } });
  if (!scenario) throw new AppError("error.notFound", 404);
  // Checked before any record is written (transitionScenario checks again, atomically, below).
  assertTransition(scenario.status, "in_delivery");
  const proposals = await tx.proposal.findMany({
    where: { scenarioId, status: "awarded" },
    select: { id: true, orgId: true, milestones: true },
    orderBy: { createdAt: "asc" },
  });
  if (proposals.length === 0) throw new AppError("dl.error.noAward", 409);
  const now = new Date();
  let count = 0;
  const created: { id: string; dueAt: Date }[] = [];
  for (const p of proposals) {
    const plan = planFromProposal(p.milestones);
    for (const m of plan.length > 0 ? plan : fallbackPlan(now, scenario.projectMonths)) {
      created.push(await tx.milestone.create({
        data: { scenarioId, proposalId: p.id, orgId: p.orgId, ...m },
        select: { id: true, dueAt: true },
      }));
      count += 1;
    }
  }
  await transitionScenario(tx, { id: scenarioId }, "in_delivery", actor, {
    set: { deliveryStartedAt: now },
    audit: { action: "scenario.deliver", data: { proposals: proposals.map((p) => p.id), milestones: count } },
  });
  for (const m of created) await scheduleMilestoneDue(tx, m, now);
}
