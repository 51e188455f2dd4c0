import type { Prisma } from "~/generated/prisma/client";
import type { ObjectionStatus } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { AuditData, ObjectionAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { canMoveObjection } from "./objection-status";

/**
 * THE way an objection changes status: the move must be in the table, the update is conditional on
 * the status read (of two officers answering at once, the second gets a 409), and the typed audit
 * event commits with it.
 */
export async function transitionObjection<A extends ObjectionAuditAction>(
  tx: Tx,
  objectionId: string,
  to: ObjectionStatus,
  actor: AuditActor | null,
  options: { set?: Omit<Prisma.ObjectionUncheckedUpdateManyInput, "status" | "version">; audit: { action: A; data: AuditData<A> } },
): Promise<{ from: ObjectionStatus }> {
  const row = await tx.objection.findUnique({ where: { id: objectionId }, select: { status: true, orgId: true } });
  if (!row) throw new AppError("error.notFound", 404);
  if (!canMoveObjection(row.status, to)) throw new AppError("aw.o.transition", 409, { from: row.status, to });
  const { count } = await tx.objection.updateMany({
    where: { id: objectionId, status: row.status },
    data: { ...options.set, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("error.conflict", 409, { from: row.status, to });
  await recordAudit(tx, { actor, action: options.audit.action, entityId: objectionId, orgId: row.orgId, data: options.audit.data });
  return { from: row.status };
}
