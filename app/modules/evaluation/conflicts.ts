/**
 * Conflict-of-interest detection (SPEC §4): an evaluator is conflicted on a proposal when one of
 * their organisations — current, or left within the last LOOKBACK_YEARS — is the proposing
 * organisation, a consortium member, or linked to either (parent, subsidiary, shareholder, same
 * group, in either direction). Pure; the service loads the rows.
 */
export const LOOKBACK_YEARS = 3;

export type Affiliation = { orgId: string; orgName: string; fromYear: number | null; toYear: number | null };
export type OrgLink = { fromOrgId: string; toOrgId: string; kind: "parent" | "subsidiary" | "shareholder" | "same_group" };
export type ProposalParties = { leadOrgId: string; memberOrgIds: string[] };

export type ConflictReason =
  | { kind: "own_org"; orgId: string; orgName: string }
  | { kind: "consortium_member"; orgId: string; orgName: string }
  | { kind: "linked_org"; orgId: string; orgName: string; viaOrgId: string; link: OrgLink["kind"] };

export function relevantAffiliations(affiliations: Affiliation[], currentYear: number): Affiliation[] {
  return affiliations.filter((a) => a.toYear === null || a.toYear >= currentYear - LOOKBACK_YEARS);
}

export function detectConflicts(affiliations: Affiliation[], parties: ProposalParties, links: OrgLink[], currentYear: number): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const partyRole = new Map<string, "own_org" | "consortium_member">([
    ...parties.memberOrgIds.map((id) => [id, "consortium_member"] as const),
    [parties.leadOrgId, "own_org"] as const,
  ]);
  for (const a of relevantAffiliations(affiliations, currentYear)) {
    const direct = partyRole.get(a.orgId);
    if (direct) {
      reasons.push({ kind: direct, orgId: a.orgId, orgName: a.orgName });
      continue;
    }
    for (const link of links) {
      const other = link.fromOrgId === a.orgId ? link.toOrgId : link.toOrgId === a.orgId ? link.fromOrgId : null;
      if (other && partyRole.has(other)) {
        reasons.push({ kind: "linked_org", orgId: a.orgId, orgName: a.orgName, viaOrgId: other, link: link.kind });
        break;
      }
    }
  }
  return reasons;
}
