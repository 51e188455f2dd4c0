import type { Prisma } from "~/generated/prisma/client";
import type { ScenarioStatus } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { AuditData, ScenarioAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import { assertTransition } from "./scenario-status";

export type TransitionKey = { id: string; departmentId?: string };

export type TransitionOptions<A extends ScenarioAuditAction> = {
  /** Further conditions checked atomically with the status (a version, a deadline that must have passed). */
  where?: Prisma.ScenarioWhereInput;
  /** Columns set together with the status (closedAt, cancelReason…). */
  set?: Omit<Prisma.ScenarioUpdateManyMutationInput, "status" | "version">;
  audit: { action: A; data: AuditData<A> };
};

/**
 * THE way a scenario changes status: the move must be in the transition table, the update is
 * conditional on the status read (and `where`), so of two racing moves the loser gets a 409, and
 * the typed audit event and the search sync commit with it. Nothing else writes Scenario.status.
 */
export async function transitionScenario<A extends ScenarioAuditAction>(
  tx: Tx,
  key: TransitionKey,
  to: ScenarioStatus,
  actor: AuditActor | null,
  options: TransitionOptions<A>,
): Promise<{ from: ScenarioStatus; departmentId: string }> {
  const row = await tx.scenario.findFirst({
    where: { id: key.id, ...(key.departmentId ? { departmentId: key.departmentId } : {}) },
    select: { status: true, departmentId: true },
  });
  if (!row) throw new AppError("error.notFound", 404);
  assertTransition(row.status, to);
  const { count } = await tx.scenario.updateMany({
    where: { ...options.where, id: key.id, status: row.status },
    data: { ...options.set, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("error.conflict", 409, { from: row.status, to });
  await recordAudit(tx, { actor, action: options.audit.action, entityId: key.id, orgId: row.departmentId, data: options.audit.data });
  await enqueue(tx, QUEUES.searchSync, { kind: "scenario", id: key.id });
  return { from: row.status, departmentId: row.departmentId };
}
