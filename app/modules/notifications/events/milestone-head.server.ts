import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { scenarioHeadSelect } from "./scenario-head.server";

// What every milestone event reads: the milestone, its scenario and the delivering organisation.
export const milestoneHeadSelect = {
  id: true, name: true, status: true, dueAt: true, returnReason: true, orgId: true, submissions: true,
  org: { select: { name: true } },
  scenario: { select: { ...scenarioHeadSelect, departmentId: true } },
} as const;

export function loadMilestoneHead(id: string) {
  return db.milestone.findUnique({ where: { id }, select: milestoneHeadSelect });
}

export type MilestoneHead = NonNullable<Awaited<ReturnType<typeof loadMilestoneHead>>>;

export const vendorMembersOf = (orgId: string) => ({ memberships: { some: { orgId, role: "vendor_member" as const } } });
export const officersOf = (orgId: string) => ({ memberships: { some: { orgId, role: "officer" as const } } });

export const vendorLink = (m: MilestoneHead) => `/vendor/delivery/${m.scenario.code}#m-${m.id}`;
export const departmentLink = (m: MilestoneHead) => `/department/scenarios/${m.scenario.id}/delivery#m-${m.id}`;

export function dueDay(m: MilestoneHead, locale: Locale): string {
  return formatDate(m.dueAt, locale);
}
