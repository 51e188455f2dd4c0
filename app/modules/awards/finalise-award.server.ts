import { startDelivery } from "~/modules/delivery/start-delivery.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { transitionProposal } from "~/modules/proposals/proposal-transition.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { transitionDecision } from "./decision-transition.server";
import { hasNoticeEnded } from "./notice-period";
import { PENDING_OBJECTION_STATUSES } from "./objection-status";

/**
 * 公示期满定标：the notice period of `decisionId` has ended and no objection to it is pending →
 * the decision is final, the scenario notice → awarded → in_delivery, the winners' proposals awarded,
 * and the vendors told (award.finalised, award.notSelected). One transaction: a worker that dies
 * halfway leaves nothing done, and its retry (or the sweep) does it all.
 * Idempotent: returns false, changing nothing, when the time has not come, an objection is pending,
 * or the decision is no longer in its notice (already final, or sent back) — e.g. a second worker.
 */
export async function finaliseAward(decisionId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const decision = await tx.awardDecision.findUnique({
      where: { id: decisionId },
      select: { id: true, status: true, scenarioId: true, winnerIds: true, noticeEndsAt: true },
    });
    if (!decision || decision.status !== "in_notice" || !hasNoticeEnded(decision, now)) return false;
    const pending = await tx.objection.count({ where: { decisionId, status: { in: [...PENDING_OBJECTION_STATUSES] } } });
    if (pending > 0) return false;
    // Conditional on the status read: of two workers, one moves the decision, the other gets false.
    const moved = await transitionDecision(tx, decisionId, "in_notice", "final", {
      set: { finalisedAt: now }, where: { noticeEndsAt: { lte: now } }, strict: false,
    });
    if (!moved) return false;
    try {
      await transitionScenario(tx, { id: decision.scenarioId }, "awarded", null, {
        audit: { action: "scenario.award", data: { decisionId, winnerIds: decision.winnerIds } },
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 409) throw new AppError("aw.transition", 409, { decisionId });
      throw error;
    }
    for (const proposalId of decision.winnerIds) {
      await transitionProposal(tx, proposalId, "awarded", null, { audit: { action: "proposal.award", data: { scenarioId: decision.scenarioId, decisionId } } });
    }
    await startDelivery(tx, decision.scenarioId, null);
    await emitEvent(tx, "award.finalised", decisionId);
    await emitEvent(tx, "award.notSelected", decisionId);
    return true;
  });
}
