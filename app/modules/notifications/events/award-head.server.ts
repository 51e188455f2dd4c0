import type { Prisma } from "~/generated/prisma/client";
import { IN_REVIEW_STATUSES } from "~/modules/proposals/proposal-status";
import { db } from "~/utils/db.server";
import { scenarioHeadSelect, type ScenarioHead } from "./scenario-head.server";

// What the award and objection events read: the decision with its scenario, and who belongs where.

export type DecisionHead = {
  id: string;
  round: number;
  winnerIds: string[];
  noticeEndsAt: Date | null;
  scenario: ScenarioHead & { departmentId: string };
  /** Organisation of each winning proposal. */
  winnerOrgIds: string[];
};

export async function loadDecisionHead(decisionId: string): Promise<DecisionHead | null> {
  const d = await db.awardDecision.findUnique({
    where: { id: decisionId },
    select: { id: true, round: true, winnerIds: true, noticeEndsAt: true, scenario: { select: { ...scenarioHeadSelect, departmentId: true } } },
  });
  if (!d) return null;
  const winners = await db.proposal.findMany({ where: { id: { in: d.winnerIds } }, select: { orgId: true } });
  return { ...d, winnerOrgIds: winners.map((w) => w.orgId) };
}

/** Vendor members of these organisations. */
export function membersOf(orgIds: string[]): Prisma.UserWhereInput {
  return { memberships: { some: { role: "vendor_member", orgId: { in: orgIds } } } };
}

/** Vendor members of every organisation whose proposal was evaluated in this scenario. */
export function proposersOf(scenarioId: string): Prisma.UserWhereInput {
  return { memberships: { some: { role: "vendor_member", org: { proposals: { some: { scenarioId, status: { in: [...IN_REVIEW_STATUSES] } } } } } } };
}

export function officersOf(departmentId: string): Prisma.UserWhereInput {
  return { memberships: { some: { role: "officer", orgId: departmentId } } };
}

export const admins: Prisma.UserWhereInput = { memberships: { some: { role: "admin" } } };

/** user id → organisation, for the members of these organisations (to address each reader as their organisation). */
export async function memberOrgs(orgIds: string[]): Promise<Map<string, { orgId: string; orgName: string }>> {
  const rows = await db.membership.findMany({
    where: { orgId: { in: orgIds }, role: "vendor_member" },
    select: { userId: true, orgId: true, org: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const map = new Map<string, { orgId: string; orgName: string }>();
  for (const r of rows) if (!map.has(r.userId)) map.set(r.userId, { orgId: r.orgId, orgName: r.org.name });
  return map;
}
