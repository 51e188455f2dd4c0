import type { AuditActor } from "~/modules/audit/audit.server";
import { DECIDED_STATUSES } from "~/modules/proposals/proposal-status";
import { transitionProposal } from "~/modules/proposals/proposal-transition.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import type { Tx } from "~/utils/db.server";
import { transitionDecision } from "./decision-transition.server";

/**
 * 异议成立：the decision in notice is withdrawn, the scenario goes back to evaluation (notice →
 * evaluating) and every proposal of the decision back under review. The department may then reopen
 * score sheets and propose a revised decision — a new round, whose notice starts from the beginning.
 */
export async function sendBack(tx: Tx, actor: AuditActor, decisionId: string, objectionId: string, now: Date): Promise<void> {
  const decision = await tx.awardDecision.findUniqueOrThrow({ where: { id: decisionId }, select: { scenarioId: true } });
  await transitionDecision(tx, decisionId, "in_notice", "withdrawn", { set: { withdrawnAt: now } });
  await transitionScenario(tx, { id: decision.scenarioId }, "evaluating", actor, {
    audit: { action: "scenario.sendBack", data: { decisionId, objectionId } },
  });
  const decided = await tx.proposal.findMany({ where: { scenarioId: decision.scenarioId, status: { in: [...DECIDED_STATUSES] } }, select: { id: true } });
  for (const p of decided) {
    await transitionProposal(tx, p.id, "under_review", actor, { audit: { action: "proposal.reconsider", data: { scenarioId: decision.scenarioId, decisionId } } });
  }
}
