/**
 * What a delivered case (典型案例) says, from the scenario and what the department wrote when it
 * accepted the last milestone. Pure, so the rule is pinned by unit tests: a solution summary of at
 * least 20 characters and one result per KPI (one overall result when the scenario listed none).
 */
export type CaseResult = { kpi: string; result: string };
export const SOLUTION_MIN = 20;
export const OVERALL_KPI = "总体成效 Overall result";

export function kpisOf(scenario: { kpis: string[] }): string[] {
  return scenario.kpis.length > 0 ? scenario.kpis : [OVERALL_KPI];
}

export function caseResults(scenario: { kpis: string[] }, results: readonly string[]): CaseResult[] | null {
  const kpis = kpisOf(scenario);
  const cleaned = results.map((r) => r.trim());
  if (cleaned.length !== kpis.length || cleaned.some((r) => r.length === 0)) return null;
  return kpis.map((kpi, i) => ({ kpi, result: cleaned[i]! }));
}

export function validSolution(solution: string): boolean {
  return solution.trim().length >= SOLUTION_MIN;
}

/** The case's line on a vendor profile and in matching: short, so matching weighs the title and the gist. */
export function caseSummary(solution: string, results: readonly CaseResult[], max = 400): string {
  const text = [solution.trim(), ...results.map((r) => `${r.kpi}：${r.result}`)].join("；");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The calendar year in Beijing of an instant (a case delivered on 31 Dec 20:00 UTC belongs to the next year). */
export function beijingYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}
