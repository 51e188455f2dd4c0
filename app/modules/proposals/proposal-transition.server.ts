import type { Prisma } from "~/generated/prisma/client";
import type { ProposalStatus } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { AuditData, ProposalAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { canMoveProposal } from "./proposal-status";

export type ProposalTransitionOptions<A extends ProposalAuditAction> = {
  where?: Prisma.ProposalWhereInput;
  set?: Omit<Prisma.ProposalUncheckedUpdateManyInput, "status" | "version">;
  audit: { action: A; data: AuditData<A> };
};

/**
 * THE way one proposal changes status: the move must be in the table, the update is conditional on
 * the status read (the loser of a race gets a 409) and the typed audit event commits with it.
 */
export async function transitionProposal<A extends ProposalAuditAction>(
  tx: Tx,
  proposalId: string,
  to: ProposalStatus,
  actor: AuditActor | null,
  options: ProposalTransitionOptions<A>,
): Promise<{ from: ProposalStatus; orgId: string }> {
  const row = await tx.proposal.findUnique({ where: { id: proposalId }, select: { status: true, orgId: true } });
  if (!row) throw new AppError("error.notFound", 404);
  if (!canMoveProposal(row.status, to)) throw new AppError("pv.notEditable", 409, { from: row.status, to });
  const { count } = await tx.proposal.updateMany({
    where: { ...options.where, id: proposalId, status: row.status },
    data: { ...options.set, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("error.conflict", 409, { from: row.status, to });
  await recordAudit(tx, { actor, action: options.audit.action, entityId: proposalId, orgId: row.orgId, data: options.audit.data });
  return { from: row.status, orgId: row.orgId };
}

/**
 * Moves every proposal of a scenario in `from` to `to` (e.g. submitted → under_review at closing),
 * one audit event each. The platform acts, so there is no person.
 */
export async function transitionScenarioProposals<A extends ProposalAuditAction>(
  tx: Tx,
  scenarioId: string,
  from: ProposalStatus,
  to: ProposalStatus,
  audit: (proposal: { id: string; orgId: string }) => { action: A; data: AuditData<A> },
): Promise<number> {
  if (!canMoveProposal(from, to)) throw new AppError("pv.notEditable", 409, { from, to });
  const rows = await tx.proposal.updateManyAndReturn({
    where: { scenarioId, status: from },
    data: { status: to, version: { increment: 1 } },
    select: { id: true, orgId: true },
  });
  for (const row of rows) await recordAudit(tx, { actor: null, entityId: row.id, orgId: row.orgId, ...audit(row) });
  return rows.length;
}
