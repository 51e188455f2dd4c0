import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { readConsortiumParties } from "./conflict-parties.server";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";
import { labelOrder, labelsInOrder } from "./proposal-labels.server";

/**
 * The proposals under review of a scenario, each with its neutral label ("申报 A", proposal-labels):
 * what evaluators see before they declare, and always in blind review. The same label names the
 * proposal on the department's page, in the reading and scoring pages and in the summary.
 */
export type ReviewProposal = { id: string; label: string; identity: { orgName: string; consortium: string[] } | null };

/**
 * The list an evaluator declares on. The proposing organisation and consortium names are selected
 * only when `withIdentity` (not blind): in blind review they never leave the database.
 */
export async function reviewProposals(scenarioId: string, withIdentity: boolean): Promise<ReviewProposal[]> {
  const where = { scenarioId, status: { in: [...READABLE_BY_EVALUATORS] } } satisfies Prisma.ProposalWhereInput;
  if (!withIdentity) {
    const rows = await db.proposal.findMany({ where, select: { id: true }, orderBy: labelOrder });
    const labels = labelsInOrder(rows);
    return rows.map((r) => ({ id: r.id, label: labels.get(r.id)!, identity: null }));
  }
  const rows = await db.proposal.findMany({ where, select: { id: true, org: { select: { name: true } }, consortiumMembers: true }, orderBy: labelOrder });
  const labels = labelsInOrder(rows);
  return rows.map((r) => ({
    id: r.id, label: labels.get(r.id)!,
    identity: { orgName: r.org.name, consortium: readConsortiumParties(r.consortiumMembers).map((m) => m.name) },
  }));
}
