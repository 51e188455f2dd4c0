import { COUNTED_STATUSES } from "~/modules/proposals/proposal-status";
import { db } from "~/utils/db.server";
import { DIMENSIONS, daysToAward, groupBy, proposalStats, targetProgress, totals, type Dimension, type StatScenario } from "./aggregate";

/** Every public scenario as the statistics need it; proposal counts only once the deadline has passed. */
export async function loadStatScenarios(now = new Date()): Promise<StatScenario[]> {
  const scenarios = await db.scenario.findMany({
    where: { status: { not: "draft" }, publishedAt: { not: null } },
    select: {
      id: true, status: true, sector: true, district: true, mechanism: true, departmentId: true, publishedAt: true, deadline: true,
      budgetMin: true, budgetMax: true,
    },
  });
  // Counted for every scenario and looked up below, not filtered by the list of ids: with a hundred
  // thousand listings that list alone passes PostgreSQL's limit of 65,535 query parameters. The
  // departments' names likewise come once per department, not joined to every listing (that join
  // made reading 100,000 listings take twice as long).
  const [proposalCounts, awards, departments] = await Promise.all([
    db.proposal.groupBy({ by: ["scenarioId"], where: { status: { in: [...COUNTED_STATUSES] } }, _count: { _all: true } }),
    // The award date is the one /results shows: when the final decision's notice ended and it was finalised.
    db.awardDecision.groupBy({ by: ["scenarioId"], where: { status: "final", finalisedAt: { not: null } }, _min: { finalisedAt: true } }),
    db.organisation.findMany({ where: { scenarios: { some: {} } }, select: { id: true, name: true } }),
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const proposals = new Map(proposalCounts.map((p) => [p.scenarioId, p._count._all]));
  const awardedAt = new Map(awards.map((a) => [a.scenarioId, a._min.finalisedAt]));
  return scenarios.map((s) => ({
    id: s.id, status: s.status, sector: s.sector, district: s.district, mechanism: s.mechanism,
    departmentId: s.departmentId, departmentName: departmentName.get(s.departmentId) ?? "", publishedAt: s.publishedAt!, deadline: s.deadline,
    budgetMin: s.budgetMin === null ? null : Number(s.budgetMin), budgetMax: s.budgetMax === null ? null : Number(s.budgetMax),
    // Before the deadline even the number of proposals stays sealed.
    proposals: s.deadline.getTime() <= now.getTime() ? (proposals.get(s.id) ?? 0) : null,
    awardedAt: awardedAt.get(s.id) ?? null,
  }));
}

export type PublicStats = Awaited<ReturnType<typeof computeStats>>;

export async function computeStats(now = new Date()) {
  const scenarios = await loadStatScenarios(now);
  const departments = new Map(scenarios.map((s) => [s.departmentId, s.departmentName]));
  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, groupBy(scenarios, d)])) as Record<Dimension, ReturnType<typeof groupBy>>;
  return {
    asOf: now.toISOString(),
    totals: totals(scenarios),
    groups,
    departments: Object.fromEntries(departments),
    proposals: proposalStats(scenarios),
    daysToAward: daysToAward(scenarios),
    targets: targetProgress(scenarios),
  };
}
