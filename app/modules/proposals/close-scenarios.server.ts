import { transitionScenarioProposals } from "./proposal-transition.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { readRubric } from "~/modules/scenarios/rubric";
import { db } from "~/utils/db.server";
import { freezeRubric } from "~/modules/evaluation/criteria.server";
import { AppError } from "~/utils/errors.server";

// 截止即关闭：关闭不是截止的保障——提交命令按服务器时间拒绝迟到者；关闭是为了解封并进入评审。
// Closing does not enforce the deadline — submit refuses late arrivals by server time; closing
// unseals the proposals and moves them to review. Scheduling lives in the deadline registry
// (deadlines/scenario-close.deadline.server.ts).

/**
 * published → closed once the deadline has passed; submitted proposals move to review; audited and
 * synced in the same transaction. Returns false when there is nothing to do (idempotent).
 */
export async function closeScenario(scenarioId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const scenario = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { status: true, deadline: true, rubric: true } });
    if (!scenario || scenario.status !== "published" || scenario.deadline > now) return false;
    const handedIn = await tx.proposal.count({ where: { scenarioId, status: "submitted" } });
    try {
      await transitionScenario(tx, { id: scenarioId }, "closed", null, {
        where: { deadline: { lte: now } },
        set: { closedAt: now },
        audit: { action: "scenario.close", data: { deadline: scenario.deadline.toISOString(), proposals: handedIn } },
      });
    } catch (error) {
      // Another worker closed it first.
      if (error instanceof AppError && error.status === 409) return false;
      throw error;
    }
    await transitionScenarioProposals(tx, scenarioId, "submitted", "under_review", () => ({ action: "proposal.underReview", data: { scenarioId } }));
    await freezeRubric(tx, scenarioId, readRubric(scenario.rubric));
    return true;
  });
}
