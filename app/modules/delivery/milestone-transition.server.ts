import type { Prisma } from "~/generated/prisma/client";
import type { MilestoneStatus } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { AuditData, MilestoneAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { canMoveMilestone } from "./milestone-status";

export type MilestoneTransitionOptions<A extends MilestoneAuditAction> = {
  where?: Prisma.MilestoneWhereInput;
  set?: Omit<Prisma.MilestoneUncheckedUpdateManyInput, "status" | "version">;
  audit: { action: A; data: AuditData<A> };
};

/**
 * THE way a milestone changes status: the move must be in the table, the update is conditional on
 * the status read (of two officers deciding at once, the second gets a 409) and the typed audit
 * event commits with it. Nothing else writes Milestone.status.
 */
export async function transitionMilestone<A extends MilestoneAuditAction>(
  tx: Tx,
  milestoneId: string,
  to: MilestoneStatus,
  actor: AuditActor | null,
  options: MilestoneTransitionOptions<A>,
): Promise<{ from: MilestoneStatus; orgId: string; scenarioId: string }> {
  const row = await tx.milestone.findUnique({ where: { id: milestoneId }, select: { status: true, orgId: true, scenarioId: true } });
  if (!row) throw new AppError("error.notFound", 404);
  if (!canMoveMilestone(row.status, to)) throw new AppError("dl.error.transition", 409, { from: row.status, to });
  const { count } = await tx.milestone.updateMany({
    where: { ...options.where, id: milestoneId, status: row.status },
    data: { ...options.set, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("error.conflict", 409, { from: row.status, to });
  await recordAudit(tx, { actor, action: options.audit.action, entityId: milestoneId, orgId: row.orgId, data: options.audit.data });
  return { from: row.status, orgId: row.orgId, scenarioId: row.scenarioId };
}
