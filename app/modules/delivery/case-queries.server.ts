import { db } from "~/utils/db.server";
import type { CaseResult } from "./case-content";

/** A published case as its public page shows it: problem, solution, results against the KPIs, vendors, period. */
export async function getPublicCase(code: string) {
  const row = await db.scenario.findFirst({
    where: { code, status: "completed", deliveredCase: { isNot: null } },
    select: {
      id: true, code: true, title: true, titleEn: true, summaryEn: true, sector: true, district: true, techTags: true, mechanism: true,
      department: { select: { name: true, nameEn: true } },
      deliveredCase: {
        select: {
          problem: true, solution: true, results: true, periodStart: true, periodEnd: true, publishedAt: true,
          pastCases: { select: { org: { select: { id: true, name: true, nameEn: true } } } },
        },
      },
    },
  });
  if (!row?.deliveredCase) return null;
  const { deliveredCase: c, ...scenario } = row;
  return {
    ...scenario,
    problem: c.problem, solution: c.solution, results: (Array.isArray(c.results) ? c.results : []) as CaseResult[],
    periodStart: c.periodStart, periodEnd: c.periodEnd, publishedAt: c.publishedAt,
    vendors: c.pastCases.map((p) => p.org),
  };
}

/** The cases an organisation delivered on the platform, newest first (its public profile). */
export function deliveredCasesOf(orgId: string) {
  return db.pastCase.findMany({
    where: { orgId, deliveredCase: { isNot: null } },
    select: { id: true, title: true, sector: true, year: true, deliveredCase: { select: { periodEnd: true, scenario: { select: { code: true } } } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The deliveries a vendor organisation's members can open (vendor home). */
export function deliveriesOf(orgIds: string[]) {
  return db.proposal.findMany({
    where: { orgId: { in: orgIds }, status: "awarded", scenario: { deliveryStartedAt: { not: null } } },
    select: { id: true, eliminatedAt: true, scenario: { select: { code: true, title: true, status: true } } },
    orderBy: { updatedAt: "desc" },
  });
}
