import { describe, expect, it } from "vitest";
import {
  CRITERION_MAX_LENGTH, DEFAULT_RUBRIC, GUIDANCE_MAX_LENGTH, RUBRIC_MAX_ROWS, defaultRubric, formatRubricText, readRubric, weightTotal,
} from "../../app/modules/scenarios/rubric";

describe("the default rubric template", () => {
  it("has the seeds' criteria with weights that total 100", () => {
    expect(DEFAULT_RUBRIC.map((r) => r.criterion)).toEqual(["技术方案", "创新性", "实用性与可推广性", "团队能力", "经费合理性"]);
    expect(weightTotal(DEFAULT_RUBRIC.map((r) => r.weight))).toBe(100);
    expect(DEFAULT_RUBRIC.length).toBeLessThanOrEqual(RUBRIC_MAX_ROWS);
  });

  it("gives evaluators guidance on every criterion, within the form's limits", () => {
    for (const row of DEFAULT_RUBRIC) {
      expect(row.criterion.length, row.criterion).toBeLessThanOrEqual(CRITERION_MAX_LENGTH);
      expect(row.guidance.length, row.criterion).toBeGreaterThan(10);
      expect(row.guidance.length, row.criterion).toBeLessThanOrEqual(GUIDANCE_MAX_LENGTH);
      expect(row.weight).toBeGreaterThan(0);
      expect(row.maxScore).toBeGreaterThan(0);
    }
  });

  it("hands out copies, so editing one never changes the template", () => {
    const copy = defaultRubric();
    copy[0]!.weight = 1;
    expect(DEFAULT_RUBRIC[0]!.weight).toBe(35);
  });
});

describe("readRubric (the stored JSON)", () => {
  it("reads rows written before guidance existed as rows without guidance", () => {
    expect(readRubric([{ criterion: "技术方案", weight: 60, maxScore: 10 }])).toEqual([
      { criterion: "技术方案", guidance: "", weight: 60, maxScore: 10 },
    ]);
  });

  it("skips rows that are not rubric rows instead of trusting them", () => {
    expect(readRubric([null, "x", { criterion: "甲", weight: "60", maxScore: 10 }, { criterion: "乙", guidance: 3, weight: 40, maxScore: 10 }])).toEqual([
      { criterion: "乙", guidance: "", weight: 40, maxScore: 10 },
    ]);
    expect(readRubric({ criterion: "甲" })).toEqual([]);
  });
});

describe("formatRubricText (version history)", () => {
  it("writes one line per row, with the guidance when there is one", () => {
    expect(formatRubricText([
      { criterion: "技术方案", guidance: "路线可行", weight: 60, maxScore: 10 },
      { criterion: "团队", guidance: "", weight: 40, maxScore: 10 },
    ])).toBe("技术方案 | 60 | 10 | 路线可行\n团队 | 40 | 10");
  });
});
