import { describe, expect, it } from "vitest";
import {
  FEEDBACK_MAX, RELEVANCE_FLOOR, VERIFIED_BONUS, WEIGHTS,
  feedbackFactor, rankAboveFloor, scoreMatch, specificity, textFit,
} from "../../search/matching/score";
import type { Explanation } from "../../search/matching/types";

const none: Explanation = { matchedTerms: [], sharedSectors: [], sharedTags: [], similarCases: [], districtMatch: false };
const full: Explanation = {
  matchedTerms: ["水库", "水位"], sharedSectors: ["disaster_prevention"], sharedTags: ["predictive_analytics", "smart_sensors"],
  similarCases: [{ title: "中小水库雨水情测报", year: 2023, sector: "disaster_prevention", similarity: 1 }], districtMatch: true,
};
const strongHit = { rankingScore: 1, specificity: 1 };

describe("textFit", () => {
  it("ignores hits at or below the noise level and scales the rest", () => {
    expect(textFit([])).toBe(0);
    expect(textFit([{ rankingScore: 0.3, specificity: 1 }])).toBe(0);
    expect(textFit([strongHit])).toBe(1);
    expect(textFit([{ rankingScore: 0.65, specificity: 1 }])).toBeCloseTo(0.5);
  });

  it("discounts queries that find nearly every document", () => {
    expect(textFit([{ rankingScore: 1, specificity: 0.1 }])).toBeCloseTo(0.1);
  });

  it("adds up independent evidence without exceeding 1", () => {
    const one = textFit([{ rankingScore: 0.65, specificity: 1 }]);
    const two = textFit([{ rankingScore: 0.65, specificity: 1 }, { rankingScore: 0.65, specificity: 1 }]);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeCloseTo(0.75);
    expect(textFit(Array.from({ length: 50 }, () => strongHit))).toBe(1);
  });
});

describe("specificity", () => {
  it("is 1 for a query that finds one document and 0 for one that finds all", () => {
    expect(specificity(1, 40)).toBe(1);
    expect(specificity(40, 40)).toBe(0);
    expect(specificity(5, 40)).toBeGreaterThan(specificity(20, 40));
    expect(specificity(0, 40)).toBe(1);
    expect(specificity(3, 1)).toBe(1);
  });
});

describe("scoreMatch", () => {
  it("is 100 when every signal is full and 0 when there is none", () => {
    expect(scoreMatch({ explanation: full, hits: [strongHit], listingTagCount: 2 }).score).toBe(100);
    const zero = scoreMatch({ explanation: none, hits: [], listingTagCount: 3 });
    expect(zero.score).toBe(0);
    expect(zero.aboveFloor).toBe(false);
  });

  it("weighs the parts as documented", () => {
    const s = scoreMatch({ explanation: { ...none, sharedSectors: ["healthcare"], sharedTags: ["llm"] }, hits: [], listingTagCount: 4 });
    expect(s.parts).toEqual({ text: 0, sector: 100 * WEIGHTS.sector, tags: (100 * WEIGHTS.tags) / 4, cases: 0, district: 0 });
    expect(s.base).toBe(25);
  });

  it("never shows a match without direct evidence, however well sector and tags agree", () => {
    const structuralOnly = { ...full, matchedTerms: [], similarCases: [] };
    const s = scoreMatch({ explanation: structuralOnly, hits: [], listingTagCount: 2 });
    expect(s.base).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
    expect(s.aboveFloor).toBe(false);
  });

  it("shows a match with text evidence once it reaches the floor", () => {
    const input = { explanation: { ...none, sharedSectors: ["healthcare"] }, listingTagCount: 2 };
    expect(scoreMatch({ ...input, hits: [{ rankingScore: 0.5, specificity: 1 }] }).aboveFloor).toBe(false);
    expect(scoreMatch({ ...input, hits: [strongHit] }).aboveFloor).toBe(true);
  });

  it("adds the verified bonus only above the floor, so it never lifts a weak match into view", () => {
    const strong = scoreMatch({ explanation: full, hits: [{ rankingScore: 0.5, specificity: 1 }], listingTagCount: 4, verified: true });
    expect(strong.verifiedBonus).toBe(VERIFIED_BONUS);
    expect(strong.score).toBe(Math.round(strong.base + VERIFIED_BONUS));
    // Text evidence and a shared sector, but only 31 points: below the floor, bonus or not.
    const weak = scoreMatch({ explanation: { ...none, sharedSectors: ["x"] }, hits: [{ rankingScore: 0.5, specificity: 1 }], listingTagCount: 4, verified: true });
    expect(weak.base).toBeLessThan(RELEVANCE_FLOOR);
    expect(weak.aboveFloor).toBe(false);
    expect(weak.verifiedBonus).toBe(0);
  });

  it("takes the feedback penalty off before the floor", () => {
    const plain = scoreMatch({ explanation: full, hits: [], listingTagCount: 2 });
    const penalised = scoreMatch({ explanation: full, hits: [], listingTagCount: 2, feedback: 0.5 });
    expect(penalised.feedbackPenalty).toBeCloseTo(plain.base / 2, 0);
    expect(penalised.score).toBeLessThan(plain.score);
    expect(penalised.aboveFloor).toBe(false);
  });
});

describe("feedbackFactor", () => {
  const candidate = { sector: "healthcare", techTags: ["llm", "computer_vision"] };
  it("is 0 without dismissals or with unrelated ones", () => {
    expect(feedbackFactor(candidate, [])).toBe(0);
    expect(feedbackFactor(candidate, [{ sector: "transport", techTags: ["optimization"] }])).toBe(0);
  });
  it("grows with similarity and with the number of dismissals, up to the cap", () => {
    const sameSector = feedbackFactor(candidate, [{ sector: "healthcare", techTags: [] }]);
    const identical = feedbackFactor(candidate, [candidate]);
    expect(sameSector).toBeCloseTo(0.15);
    expect(identical).toBeCloseTo(0.3);
    expect(feedbackFactor(candidate, [candidate, candidate, candidate])).toBe(FEEDBACK_MAX);
  });
});

describe("rankAboveFloor", () => {
  it("sorts by score, keeps the floor, caps the list and counts what it hid", () => {
    const item = (score: number, aboveFloor: boolean) => ({ score: { score, aboveFloor } as ReturnType<typeof scoreMatch> });
    const { shown, belowFloor } = rankAboveFloor([item(50, true), item(90, true), item(30, false), item(70, true)], 2);
    expect(shown.map((s) => s.score.score)).toEqual([90, 70]);
    expect(belowFloor).toBe(1);
  });
});
