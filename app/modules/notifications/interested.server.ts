import type { Tx } from "~/utils/db.server";

export type Recipient = { id: string; email: string; name: string; locale: string };

/**
 * THE definition of a scenario's "interested vendors" (SPEC §4, issue 4 items 7–8): organisations
 * that saved it (ScenarioInterest), asked about it (Question), or are drafting or have submitted
 * for it (a Proposal that is not withdrawn). Every vendor_member of those organisations hears about
 * answers, amendments and cancellation — the organisation is interested, not only the person who clicked.
 * Answers, amendments and cancellations all call this one function, so the audiences never drift apart.
 */
export async function interestedVendorUsers(tx: Tx, scenarioId: string): Promise<Recipient[]> {
  const [saved, asked, drafting] = await Promise.all([
    tx.scenarioInterest.findMany({ where: { scenarioId }, select: { orgId: true } }),
    tx.question.findMany({ where: { scenarioId }, select: { orgId: true }, distinct: ["orgId"] }),
    tx.proposal.findMany({ where: { scenarioId, status: { not: "withdrawn" } }, select: { orgId: true } }),
  ]);
  const orgIds = [...new Set([...saved, ...asked, ...drafting].map((r) => r.orgId))];
  if (orgIds.length === 0) return [];
  return tx.user.findMany({
    where: { memberships: { some: { orgId: { in: orgIds }, role: "vendor_member" } } },
    select: { id: true, email: true, name: true, locale: true },
    orderBy: { id: "asc" },
  });
}
