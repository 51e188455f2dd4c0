import { describe, expect, it } from "vitest";
import { aggregateTotals, rankProposals, sheetTotal, summariseProposal, type CriterionDef } from "../../app/modules/evaluation/aggregate";

const criteria: CriterionDef[] = [
  { id: "tech", weight: 40, maxScore: 10, position: 0 },
  { id: "innovation", weight: 20, maxScore: 20, position: 1 },
  { id: "team", weight: 40, maxScore: 5, position: 2 },
];
const sheet = (evaluatorId: string, tech: number, innovation: number, team: number) => ({ evaluatorId, scores: { tech, innovation, team } });

describe("sheet totals", () => {
  it("normalise each criterion by its maximum and weigh it, on 0–100", () => {
    expect(sheetTotal(criteria, { tech: 10, innovation: 20, team: 5 })).toBe(100);
    expect(sheetTotal(criteria, { tech: 0, innovation: 0, team: 0 })).toBe(0);
    // 7.5/10·40 + 10/20·20 + 2.5/5·40 = 30 + 10 + 20
    expect(sheetTotal(criteria, { tech: 7.5, innovation: 10, team: 2.5 })).toBe(60);
  });
});

describe("aggregation", () => {
  it("uses the mean below five sheets", () => {
    expect(aggregateTotals([60, 70, 80])).toEqual({ method: "mean", score: 70 });
    expect(aggregateTotals([60, 70, 80, 100])).toEqual({ method: "mean", score: 77.5 });
  });

  it("drops one highest and one lowest from five sheets on", () => {
    expect(aggregateTotals([10, 70, 70, 80, 100])).toEqual({ method: "trimmed_mean", score: 73.33 });
    expect(aggregateTotals([70, 70, 70, 70, 70, 70])).toEqual({ method: "trimmed_mean", score: 70 });
  });

  it("has no score without sheets", () => {
    expect(aggregateTotals([])).toEqual({ method: "none", score: null });
  });
});

describe("spread flags", () => {
  it("flag totals more than 20 points apart and a criterion more than half its maximum apart", () => {
    const calm = summariseProposal(criteria, { proposalId: "p", sheets: [sheet("a", 8, 10, 3), sheet("b", 7, 12, 3), sheet("c", 8, 14, 4)] });
    expect(calm.spread).toEqual({ total: false, criteria: [] });
    const split = summariseProposal(criteria, { proposalId: "p", sheets: [sheet("a", 9, 10, 5), sheet("b", 3, 10, 1), sheet("c", 8, 10, 4)] });
    expect(split.spread.total).toBe(true);
    expect(split.spread.criteria).toEqual(["tech", "team"]);
  });
});

describe("ranking", () => {
  it("orders by score, breaks ties on the heaviest criterion, and shares a rank when still equal", () => {
    const results = rankProposals(criteria, [
      // 36 + 10 + 24 = 70, strong on tech
      { proposalId: "strong-tech", sheets: [sheet("a", 9, 10, 3)] },
      // 28 + 10 + 32 = 70: tech and team weigh the same (40); tech comes first in the rubric
      { proposalId: "strong-team", sheets: [sheet("a", 7, 10, 4)] },
      { proposalId: "best", sheets: [sheet("a", 10, 20, 5)] },
      { proposalId: "twin", sheets: [sheet("a", 9, 10, 3)] },
      { proposalId: "unscored", sheets: [] },
    ]);
    expect(results.map((r) => [r.proposalId, r.rank])).toEqual([
      ["best", 1],
      ["strong-tech", 2],
      ["twin", 2],
      ["strong-team", 4],
      ["unscored", null],
    ]);
  });
});
