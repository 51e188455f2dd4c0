import type { Prisma } from "~/generated/prisma/client";
import type { AwardDecisionStatus } from "~/generated/prisma/enums";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { canMoveDecision } from "./award-decision-status";

/**
 * THE way an award decision changes status, conditional on the status read so that two workers
 * finalising the same notice cannot both succeed (the loser gets `false`, or a 409 when `strict`).
 * A decision moves only together with its scenario, whose transition records the audit event
 * (scenario.noticePublish / scenario.award / scenario.sendBack, each naming the decision).
 */
export async function transitionDecision(
  tx: Tx,
  decisionId: string,
  from: AwardDecisionStatus,
  to: AwardDecisionStatus,
  options: { set?: Omit<Prisma.AwardDecisionUpdateManyMutationInput, "status" | "version">; where?: Prisma.AwardDecisionWhereInput; strict?: boolean } = {},
): Promise<boolean> {
  if (!canMoveDecision(from, to)) throw new AppError("aw.transition", 409, { from, to });
  const { count } = await tx.awardDecision.updateMany({
    where: { ...options.where, id: decisionId, status: from },
    data: { ...options.set, status: to, version: { increment: 1 } },
  });
  if (count === 0 && options.strict !== false) throw new AppError("error.conflict", 409, { from, to });
  return count === 1;
}
