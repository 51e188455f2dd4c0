import { detectConflicts, type ConflictReason } from "./conflicts";
import { affiliationsOf, detectionYear, linksTouching, partiesOf } from "./conflict-parties.server";

export type ProposalConflict = { proposalId: string; reasons: ConflictReason[] };
export type Precheck = { conflicted: boolean; proposals: ProposalConflict[] };

/**
 * "Would these experts be conflicted on this scenario?" — detection run before assignment against
 * every proposal under review. Returns, per expert, the proposals they would be conflicted on and why
 * (only proposals with a reason are listed). One query per kind of row, whatever the number of experts.
 */
export async function precheckMany(scenarioId: string, userIds: readonly string[], now = new Date()): Promise<Map<string, Precheck>> {
  const [affiliations, proposals] = await Promise.all([affiliationsOf(userIds), partiesOf({ scenarioId })]);
  const links = await linksTouching([...affiliations.values()].flat().map((a) => a.orgId));
  const year = detectionYear(now);
  const out = new Map<string, Precheck>();
  for (const userId of userIds) {
    const own = affiliations.get(userId) ?? [];
    const hits = proposals
      .map((p) => ({ proposalId: p.proposalId, reasons: detectConflicts(own, p.parties, links, year) }))
      .filter((p) => p.reasons.length > 0);
    out.set(userId, { conflicted: hits.length > 0, proposals: hits });
  }
  return out;
}

/** The pre-check for one expert on one scenario. */
export async function precheckConflicts(scenarioId: string, userId: string, now = new Date()): Promise<Precheck> {
  return (await precheckMany(scenarioId, [userId], now)).get(userId) ?? { conflicted: false, proposals: [] };
}

/** What the platform detects for one expert on one proposal (applied when they declare). */
export async function detectForProposal(proposalId: string, userId: string, now = new Date()): Promise<ConflictReason[]> {
  const [affiliations, proposals] = await Promise.all([affiliationsOf([userId]), partiesOf({ proposalId })]);
  const own = affiliations.get(userId) ?? [];
  const proposal = proposals[0];
  if (!proposal) return [];
  const links = await linksTouching(own.map((a) => a.orgId));
  return detectConflicts(own, proposal.parties, links, detectionYear(now));
}
