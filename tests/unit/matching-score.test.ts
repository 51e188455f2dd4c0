import { describe, expect, it } from "vitest";
import {
  CATALOGUE, FEEDBACK_MAX, RELATIVE_FLOOR, RELEVANCE_FLOOR, TEXT_FULL, VERIFIED_BONUS, WEIGHTS,
  breadth, feedbackFactor, rankAboveFloor, scoreMatch, textFit,
} from "../../search/matching/score";
import type { Explanation, TextOverlap } from "../../search/matching/types";

const none: Explanation = { matchedTerms: [], matchedProducts: [], sharedSectors: [], sharedTags: [], similarCases: [], districtMatch: false };
const term = { zh: "水库", en: "reservoir" };
const full: Explanation = {
  matchedTerms: [term, { zh: "水位", en: "water level" }], matchedProducts: ["水库水位智能预测模型"],
  sharedSectors: ["disaster_prevention"], sharedTags: ["predictive_analytics", "smart_sensors"],
  similarCases: [{ title: "中小水库雨水情测报", year: 2023, sector: "disaster_prevention", similarity: 1 }], districtMatch: true,
};
const strong: TextOverlap = { coverage: 0.5, focus: 0.5, strength: 1 };
const nothing: TextOverlap = { coverage: 0, focus: 0, strength: 0 };
const specialist = { sectors: 1, tags: 1, districts: 1 };
const everything = { sectors: CATALOGUE.sectors, tags: CATALOGUE.tags, districts: CATALOGUE.districts };

describe("textFit", () => {
  it("is 0 without shared words and full once the overlap reaches TEXT_FULL", () => {
    expect(textFit(nothing)).toBe(0);
    expect(textFit({ coverage: TEXT_FULL, focus: TEXT_FULL, strength: 1 })).toBe(1);
    expect(textFit(strong)).toBe(1);
  });

  it("needs both coverage and focus: a profile about everything covers a little of each need", () => {
    const catchAll = textFit({ coverage: 0.3, focus: 0.02, strength: 1 });
    const specialist = textFit({ coverage: 0.3, focus: 0.3, strength: 1 });
    expect(catchAll).toBeLessThan(specialist / 3);
  });

  it("counts words the profile only claims in its intro less than words of its products and cases", () => {
    expect(textFit({ coverage: 0.2, focus: 0.2, strength: 0.5 })).toBeCloseTo(textFit({ coverage: 0.2, focus: 0.2, strength: 1 }) / 2);
  });
});

describe("breadth", () => {
  it("is 1 for one claim, 0 for every option, and falls in between", () => {
    expect(breadth(1, 17)).toBe(1);
    expect(breadth(17, 17)).toBe(0);
    expect(breadth(4, 17)).toBeGreaterThan(breadth(8, 17));
    expect(breadth(4, 17)).toBeLessThan(1);
  });
});

describe("scoreMatch", () => {
  it("is 100 when every signal is full and 0 when there is none", () => {
    expect(scoreMatch({ explanation: full, overlap: strong, claims: specialist, listingTagCount: 2 }).score).toBe(100);
    const zero = scoreMatch({ explanation: none, overlap: nothing, claims: specialist, listingTagCount: 3 });
    expect(zero.score).toBe(0);
    expect(zero.aboveFloor).toBe(false);
  });

  it("weighs the parts as documented", () => {
    const s = scoreMatch({ explanation: { ...none, sharedSectors: ["healthcare"], sharedTags: ["llm"] }, overlap: nothing, claims: specialist, listingTagCount: 4 });
    expect(s.parts).toEqual({ text: 0, sector: 100 * WEIGHTS.sector, tags: (100 * WEIGHTS.tags) / 4, cases: 0, district: 0 });
  });

  it("gives a profile that claims every sector, tag and district nothing for them", () => {
    const breadthOnly = { ...full, matchedTerms: [term], similarCases: [] };
    const all = scoreMatch({ explanation: breadthOnly, overlap: nothing, claims: everything, listingTagCount: 2 });
    expect(all.parts.sector + all.parts.tags + all.parts.district).toBe(0);
    const focused = scoreMatch({ explanation: breadthOnly, overlap: nothing, claims: specialist, listingTagCount: 2 });
    expect(focused.parts.sector + focused.parts.tags + focused.parts.district).toBe(100 * (WEIGHTS.sector + WEIGHTS.tags + WEIGHTS.district));
  });

  it("never shows a match explained only by sector, tags and district", () => {
    const structuralOnly = { ...full, matchedTerms: [], matchedProducts: [], similarCases: [] };
    const s = scoreMatch({ explanation: structuralOnly, overlap: strong, claims: specialist, listingTagCount: 2 });
    expect(s.base).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
    expect(s.aboveFloor).toBe(false);
  });

  it("shows a match with shared words of substance once it reaches the floor", () => {
    const input = { explanation: { ...none, matchedTerms: [term], sharedSectors: ["healthcare"] }, claims: specialist, listingTagCount: 2 };
    expect(scoreMatch({ ...input, overlap: { coverage: 0.05, focus: 0.05, strength: 1 } }).aboveFloor).toBe(false);
    expect(scoreMatch({ ...input, overlap: strong }).aboveFloor).toBe(true);
  });

  it("adds the verified bonus only above the floor, so it never lifts a weak match into view", () => {
    const shown = scoreMatch({ explanation: full, overlap: { coverage: 0.1, focus: 0.1, strength: 1 }, claims: specialist, listingTagCount: 4, verified: true });
    expect(shown.verifiedBonus).toBe(VERIFIED_BONUS);
    expect(shown.score).toBe(Math.round(shown.base + VERIFIED_BONUS));
    const weak = scoreMatch({ explanation: { ...none, matchedTerms: [term] }, overlap: { coverage: 0.05, focus: 0.05, strength: 1 }, claims: specialist, listingTagCount: 4, verified: true });
    expect(weak.aboveFloor).toBe(false);
    expect(weak.verifiedBonus).toBe(0);
  });

  it("takes the feedback penalty off before the floor", () => {
    const plain = scoreMatch({ explanation: full, overlap: { coverage: 0.1, focus: 0.1, strength: 1 }, claims: specialist, listingTagCount: 2 });
    const penalised = scoreMatch({ explanation: full, overlap: { coverage: 0.1, focus: 0.1, strength: 1 }, claims: specialist, listingTagCount: 2, feedback: 0.5 });
    expect(penalised.feedbackPenalty).toBeCloseTo(plain.base / 2, 0);
    expect(penalised.score).toBeLessThan(plain.score);
    expect(plain.aboveFloor).toBe(true);
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
    expect(feedbackFactor(candidate, [{ sector: "healthcare", techTags: [] }])).toBeCloseTo(0.15);
    expect(feedbackFactor(candidate, [candidate])).toBeCloseTo(0.3);
    expect(feedbackFactor(candidate, [candidate, candidate, candidate])).toBe(FEEDBACK_MAX);
  });
});

describe("rankAboveFloor", () => {
  const item = (base: number, aboveFloor = true) => ({ score: { score: base, base, feedbackPenalty: 0, aboveFloor } as ReturnType<typeof scoreMatch> });

  it("sorts by score, keeps the floor, caps the list and counts what it hid", () => {
    const { shown, belowFloor } = rankAboveFloor([item(50), item(90), item(30, false), item(70)], 2);
    expect(shown.map((s) => s.score.score)).toEqual([90, 70]);
    expect(belowFloor).toBe(2);
  });

  it("hides a match far weaker than the best of its list", () => {
    const { shown } = rankAboveFloor([item(90), item(90 * RELATIVE_FLOOR - 1), item(90 * RELATIVE_FLOOR + 1)], 10);
    expect(shown.map((s) => s.score.score)).toEqual([90, Math.round(90 * RELATIVE_FLOOR + 1)]);
  });
});
