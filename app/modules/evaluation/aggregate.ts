/**
 * Aggregation and ranking of score sheets (SPEC §4 "Evaluation"). Pure, so the rules can be read
 * and tested in one place:
 * - A sheet's total is the weighted sum of score/maxScore, on a 0–100 scale (weights total 100).
 * - A proposal's result is the mean of its sheets' totals, or the trimmed mean (one highest and one
 *   lowest dropped) once it has at least TRIM_FROM sheets.
 * - Disagreement is flagged when the totals of one proposal span more than SPREAD_TOTAL points, or
 *   when one criterion's scores span more than SPREAD_CRITERION of that criterion's maximum.
 * - Ranking: higher result first; a tie goes to the higher mean share on the heaviest criterion,
 *   then the next heaviest, and so on; proposals still equal share the rank.
 */
export const TRIM_FROM = 5;
export const SPREAD_TOTAL = 20;
export const SPREAD_CRITERION = 0.5;

export type CriterionDef = { id: string; weight: number; maxScore: number; position: number };
export type Sheet = { evaluatorId: string; scores: Record<string, number> };
export type ProposalSheets = { proposalId: string; sheets: Sheet[] };

export type ProposalResult = {
  proposalId: string;
  sheetTotals: { evaluatorId: string; total: number }[];
  /** Mean share (0–1) of each criterion's maximum across sheets. */
  criterionMeans: Record<string, number>;
  method: "mean" | "trimmed_mean" | "none";
  score: number | null;
  spread: { total: boolean; criteria: string[] };
  rank: number | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function sheetTotal(criteria: CriterionDef[], scores: Record<string, number>): number {
  const sum = criteria.reduce((acc, c) => acc + ((scores[c.id] ?? 0) / c.maxScore) * c.weight, 0);
  return round2(sum);
}

export function aggregateTotals(totals: number[]): { method: ProposalResult["method"]; score: number | null } {
  if (totals.length === 0) return { method: "none", score: null };
  if (totals.length < TRIM_FROM) return { method: "mean", score: round2(totals.reduce((a, b) => a + b, 0) / totals.length) };
  const sorted = [...totals].sort((a, b) => a - b).slice(1, -1);
  return { method: "trimmed_mean", score: round2(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

function range(values: number[]): number {
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}

export function summariseProposal(criteria: CriterionDef[], { proposalId, sheets }: ProposalSheets): ProposalResult {
  const sheetTotals = sheets.map((s) => ({ evaluatorId: s.evaluatorId, total: sheetTotal(criteria, s.scores) }));
  const { method, score } = aggregateTotals(sheetTotals.map((s) => s.total));
  const criterionMeans: Record<string, number> = {};
  const spreadCriteria: string[] = [];
  for (const c of criteria) {
    const values = sheets.map((s) => s.scores[c.id] ?? 0);
    criterionMeans[c.id] = values.length ? values.reduce((a, b) => a + b, 0) / values.length / c.maxScore : 0;
    if (range(values) > SPREAD_CRITERION * c.maxScore) spreadCriteria.push(c.id);
  }
  return {
    proposalId, sheetTotals, criterionMeans, method, score,
    spread: { total: range(sheetTotals.map((s) => s.total)) > SPREAD_TOTAL, criteria: spreadCriteria },
    rank: null,
  };
}

/** Compares two results by the tie rule; negative when `a` ranks before `b`, 0 when they share a rank. */
export function compareResults(criteria: CriterionDef[], a: ProposalResult, b: ProposalResult): number {
  if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? 0 : 1) : -1;
  if (a.score !== b.score) return b.score - a.score;
  const byWeight = [...criteria].sort((x, y) => y.weight - x.weight || x.position - y.position);
  for (const c of byWeight) {
    const diff = round2((b.criterionMeans[c.id] ?? 0) * 100) - round2((a.criterionMeans[c.id] ?? 0) * 100);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function rankProposals(criteria: CriterionDef[], proposals: ProposalSheets[]): ProposalResult[] {
  const results = proposals.map((p) => summariseProposal(criteria, p));
  results.sort((a, b) => compareResults(criteria, a, b) || a.proposalId.localeCompare(b.proposalId));
  results.forEach((r, i) => {
    if (r.score === null) return;
    const previous = results[i - 1];
    r.rank = previous && previous.rank !== null && compareResults(criteria, previous, r) === 0 ? previous.rank : i + 1;
  });
  return results;
}
