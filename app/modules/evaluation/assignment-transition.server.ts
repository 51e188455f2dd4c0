import type { Prisma } from "~/generated/prisma/client";
import type { AssignmentStatus } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { AuditData, EvaluationAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { assertAssignmentTransition } from "./assignment-status";

export type AssignmentKey = { id: string; evaluatorId?: string };

/**
 * THE way an assignment changes status (DESIGN §4.11): the move must be in the table, the update is
 * conditional on the status read, so of two racing answers (accept and decline in two tabs) the loser
 * gets a 409, and the typed audit event commits with it. `evaluatorId` scopes the lookup to the
 * evaluator's own assignment: anyone else's id is a 404.
 */
export async function transitionAssignment<A extends EvaluationAuditAction>(
  tx: Tx,
  key: AssignmentKey,
  to: AssignmentStatus,
  actor: AuditActor | null,
  options: { set?: Omit<Prisma.EvaluationAssignmentUpdateManyMutationInput, "status">; audit: { action: A; data: AuditData<A> } },
): Promise<{ from: AssignmentStatus; scenarioId: string; departmentId: string }> {
  const row = await tx.evaluationAssignment.findFirst({
    where: { id: key.id, ...(key.evaluatorId ? { evaluatorId: key.evaluatorId } : {}) },
    select: { status: true, scenarioId: true, scenario: { select: { departmentId: true } } },
  });
  if (!row) throw new AppError("error.notFound", 404);
  assertAssignmentTransition(row.status, to);
  const { count } = await tx.evaluationAssignment.updateMany({ where: { id: key.id, status: row.status }, data: { ...options.set, status: to } });
  if (count === 0) throw new AppError("error.conflict", 409, { from: row.status, to });
  await recordAudit(tx, { actor, action: options.audit.action, entityId: key.id, orgId: row.scenario.departmentId, data: options.audit.data });
  return { from: row.status, scenarioId: row.scenarioId, departmentId: row.scenario.departmentId };
}
