import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";

export type OpenedProposal = { id: string; org: { id: string }; number: number; digest: string };

/**
 * 解封之后，谁打开了哪份申报，都记入审计日志（每份一条，记下所看的递交序号与摘要）。
 * Once unsealed, who opened which proposal goes into the audit log: one event per proposal shown,
 * with the submission number and digest that was read. Owned by the proposing organisation (orgId).
 */
export async function auditProposalsOpened(actor: AuditActor, scenarioId: string, proposals: readonly OpenedProposal[]): Promise<void> {
  if (proposals.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const p of proposals) {
      await recordAudit(tx, {
        action: "proposal.open", actor, entityId: p.id, orgId: p.org.id,
        data: { scenarioId, number: p.number, digest: p.digest },
      });
    }
  });
}
