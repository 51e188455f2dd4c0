import type { ScenarioStatus } from "~/generated/prisma/enums";
import { NOT_ZHENGZHOU_DISTRICTS, PLAN_TARGETS, type PlanTarget } from "./plan-targets";
import { STAGES, stagesOf, type Stage } from "./stages";

/**
 * The numbers of the statistics page, from plain rows (stats.server.ts reads them), so the
 * arithmetic is testable on its own and the integration test can recompute it another way.
 */
export type StatScenario = {
  id: string; status: ScenarioStatus; sector: string; district: string; mechanism: string;
  departmentId: string; departmentName: string; publishedAt: Date; deadline: Date;
  budgetMin: number | null; budgetMax: number | null;
  /** Counted proposals (handed in, not withdrawn); null while the call is sealed. */
  proposals: number | null;
  /** The first recorded award moment, if any. */
  awardedAt: Date | null;
};

export const DIMENSIONS = ["sector", "district", "department", "mechanism", "quarter"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type StageCounts = Record<Stage, number>;
export type GroupRow = { key: string; counts: StageCounts; budget: number };

const emptyCounts = (): StageCounts => Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;

/** The announced budget of one scenario: its upper bound (or the only bound given), in yuan. */
export function budgetOf(s: Pick<StatScenario, "budgetMin" | "budgetMax">): number {
  return s.budgetMax ?? s.budgetMin ?? 0;
}

/** Calendar quarter in China's time zone, e.g. "2026-Q1". */
export function quarterOf(date: Date): string {
  const shanghai = new Date(date.getTime() + 8 * 3_600_000);
  return `${shanghai.getUTCFullYear()}-Q${Math.floor(shanghai.getUTCMonth() / 3) + 1}`;
}

function keyOf(s: StatScenario, dimension: Dimension): string {
  switch (dimension) {
    case "sector": return s.sector;
    case "district": return s.district;
    case "department": return s.departmentId;
    case "mechanism": return s.mechanism;
    case "quarter": return quarterOf(s.publishedAt);
  }
}

export function groupBy(scenarios: StatScenario[], dimension: Dimension): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const s of scenarios) {
    const key = keyOf(s, dimension);
    const row = groups.get(key) ?? { key, counts: emptyCounts(), budget: 0 };
    for (const stage of stagesOf(s.status)) row.counts[stage] += 1;
    row.budget += budgetOf(s);
    groups.set(key, row);
  }
  const rows = [...groups.values()];
  // Quarters read in time order; everything else largest first, ties by key for a stable order.
  return dimension === "quarter"
    ? rows.sort((a, b) => a.key.localeCompare(b.key))
    : rows.sort((a, b) => b.counts.published - a.counts.published || a.key.localeCompare(b.key));
}

export function totals(scenarios: StatScenario[]): StageCounts & { budget: number; awardedBudget: number } {
  const counts = emptyCounts();
  let budget = 0;
  let awardedBudget = 0;
  for (const s of scenarios) {
    const stages = stagesOf(s.status);
    for (const stage of stages) counts[stage] += 1;
    budget += budgetOf(s);
    if (stages.includes("awarded")) awardedBudget += budgetOf(s);
  }
  return { ...counts, budget, awardedBudget };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Proposals per scenario over the calls whose deadline has passed (open calls stay sealed, counts included). */
export function proposalStats(scenarios: StatScenario[]) {
  const counted = scenarios.map((s) => s.proposals).filter((n): n is number => n !== null);
  const total = counted.reduce((a, b) => a + b, 0);
  const bands = [
    { key: "0", test: (n: number) => n === 0 },
    { key: "1", test: (n: number) => n === 1 },
    { key: "2", test: (n: number) => n === 2 },
    { key: "3-5", test: (n: number) => n >= 3 && n <= 5 },
    { key: "6+", test: (n: number) => n >= 6 },
  ].map((b) => ({ key: b.key, scenarios: counted.filter(b.test).length }));
  return {
    scenarios: counted.length, proposals: total,
    mean: counted.length ? Math.round((total / counted.length) * 10) / 10 : null,
    median: median(counted), bands,
  };
}

const DAY_MS = 86_400_000;

/** Days from publication to the recorded award, one decimal; null (and n = 0) when no award has a date. */
export function daysToAward(scenarios: StatScenario[]) {
  const days = scenarios
    .filter((s) => s.awardedAt && stagesOf(s.status).includes("awarded"))
    .map((s) => (s.awardedAt!.getTime() - s.publishedAt.getTime()) / DAY_MS);
  const m = median(days);
  return { n: days.length, median: m === null ? null : Math.round(m * 10) / 10 };
}

export type TargetProgress = PlanTarget & { actual: number; percent: number };

export function targetProgress(scenarios: StatScenario[]): TargetProgress[] {
  return PLAN_TARGETS.map((target) => {
    const inScope = target.scope === "henan" ? scenarios : scenarios.filter((s) => !NOT_ZHENGZHOU_DISTRICTS.includes(s.district));
    const actual = inScope.filter((s) => stagesOf(s.status).includes(target.measure)).length;
    return { ...target, actual, percent: Math.round((actual / target.figure) * 1000) / 10 };
  });
}
