import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { JUSTIFICATION_MIN, isComplete, scoreSheetSchema, validScore, type ScoreSheetForm, type ScoreSheetShape } from "../../app/modules/evaluation/score-schema";

const criteria = [
  { id: "tech", maxScore: 10 },
  { id: "team", maxScore: 5 },
];
const enough = "方案论证充分，数据来源清楚，技术路线可行。"; // 21 characters
const short = "还可以"; // 3 characters

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

// Errors by field name ("" = the form); undefined when the form is valid.
type Parsed = Submission<ScoreSheetShape, string[], ScoreSheetForm>;
function withErrors(submission: Parsed) {
  return Object.assign(submission, { error: submission.status === "success" ? undefined : submission.error });
}

function parse(fields: Record<string, string>) {
  return withErrors(parseWithZod(form({ version: "3", "scores[0].criterionId": "tech", "scores[1].criterionId": "team", ...fields }), { schema: scoreSheetSchema(criteria) }));
}

describe("score values", () => {
  it("accept 0…max in steps of 0.5 and nothing else", () => {
    for (const v of [0, 0.5, 7.5, 10]) expect(validScore(v, 10)).toBe(true);
    for (const v of [-0.5, 10.5, 7.25, 3.3, Number.NaN, Number.POSITIVE_INFINITY]) expect(validScore(v, 10)).toBe(false);
  });
});

describe("scoreSheetSchema", () => {
  it("refuses a version past the database's 32-bit integer as a bad request", () => {
    for (const version of ["2147483648", "1.3344103118186784e+202"]) {
      const result = parse({ version });
      expect(result.status, version).toBe("error");
      expect(result.error?.version, version).toEqual(["error.badRequest"]);
    }
    expect(parse({ version: "2147483647" }).status).toBe("success");
  });

  it("takes a partial draft: unscored criteria and short justifications are fine while saving", () => {
    const result = parse({ intent: "save", "scores[0].value": "7.5", "scores[0].justification": short });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({ intent: "save", version: 3, comment: "" });
    expect(result.value.scores).toEqual([
      { criterionId: "tech", value: 7.5, justification: short },
      { criterionId: "team", value: undefined, justification: "" },
    ]);
  });

  it("refuses out-of-range, off-step and non-numeric scores even in a draft", () => {
    const result = parse({ intent: "autosave", "scores[0].value": "10.5", "scores[1].value": "abc" });
    expect(result.status).toBe("error");
    expect(result.error?.["scores[0].value"]).toEqual(["es.v.scoreRange@10"]);
    expect(result.error?.["scores[1].value"]).toEqual(["es.v.number"]);
    expect(parse({ "scores[1].value": "2.25" }).error?.["scores[1].value"]).toEqual(["es.v.scoreRange@5"]);
  });

  it("reports every missing score and short justification of a submission in one round", () => {
    const result = parse({ intent: "submit", "scores[0].value": "8", "scores[0].justification": short, "scores[1].justification": enough });
    expect(result.status).toBe("error");
    expect(result.error).toMatchObject({
      "scores[0].justification": [`es.v.justificationShort@${JUSTIFICATION_MIN}`],
      "scores[1].value": ["es.v.scoreRequired"],
    });
    expect(result.error?.["scores[0].value"]).toBeUndefined();
    expect(result.error?.["scores[1].justification"]).toBeUndefined();
  });

  it("counts characters as people do: 20 Chinese characters pass, 19 do not", () => {
    const twenty = "一二三四五六七八九十一二三四五六七八九十";
    const ok = parse({ intent: "submit", "scores[0].value": "8", "scores[0].justification": twenty, "scores[1].value": "5", "scores[1].justification": `  ${twenty}  ` });
    expect(ok.status).toBe("success");
    const notOk = parse({ intent: "submit", "scores[0].value": "8", "scores[0].justification": twenty.slice(1), "scores[1].value": "5", "scores[1].justification": twenty });
    expect(notOk.error?.["scores[0].justification"]).toEqual([`es.v.justificationShort@${JUSTIFICATION_MIN}`]);
  });

  it("refuses a submission that leaves a criterion out, and rows for unknown or repeated criteria", () => {
    const missing = withErrors(parseWithZod(form({ intent: "submit", "scores[0].criterionId": "tech", "scores[0].value": "8", "scores[0].justification": enough }), { schema: scoreSheetSchema(criteria) }));
    expect(missing.error?.[""]).toEqual(["es.v.incomplete"]);
    expect(parse({ "scores[1].criterionId": "someone-elses" }).error?.[""]).toEqual(["error.badRequest"]);
    expect(parse({ "scores[1].criterionId": "tech" }).error?.[""]).toEqual(["error.badRequest"]);
    expect(parse({ intent: "publish" }).status).toBe("error");
  });

  it("bounds the comment and the justification", () => {
    const result = parse({ comment: "评".repeat(5_001), "scores[0].justification": "理".repeat(2_001) });
    expect(result.error?.comment).toEqual(["es.v.commentTooLong@5000"]);
    expect(result.error?.["scores[0].justification"]).toEqual(["es.v.justificationTooLong@2000"]);
  });
});

describe("isComplete (the command's own check)", () => {
  it("needs every criterion scored within range and justified", () => {
    const full = { comment: "", scores: [{ criterionId: "tech", value: 8, justification: enough }, { criterionId: "team", value: 5, justification: enough }] };
    expect(isComplete(criteria, full)).toBe(true);
    expect(isComplete(criteria, { ...full, scores: full.scores.slice(0, 1) })).toBe(false);
    expect(isComplete(criteria, { ...full, scores: [full.scores[0]!, { criterionId: "team", value: 6, justification: enough }] })).toBe(false);
    expect(isComplete(criteria, { ...full, scores: [full.scores[0]!, { criterionId: "team", value: 5, justification: short }] })).toBe(false);
    expect(isComplete(criteria, { ...full, scores: [full.scores[0]!, { criterionId: "team", value: undefined, justification: enough }] })).toBe(false);
  });
});
