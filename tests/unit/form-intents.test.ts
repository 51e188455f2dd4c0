import { describe, expect, it } from "vitest";
import { invalid, parseForm } from "../../app/utils/forms.server";
import { ScenarioSchema } from "../../app/modules/scenarios/schema";

// A row editor's buttons post the form with a Conform intent (__intent__). Without JavaScript that
// round trip is how a row is added, so it must come back as an ordinary page, not as an error.

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [name, value] of entries) fd.append(name, value);
  return fd;
}

const rows: [string, string][] = [
  ["title", "水库水位智能预测"],
  ["rubric[0].criterion", "技术方案"], ["rubric[0].weight", "60"], ["rubric[0].maxScore", "10"],
  ["rubric[1].criterion", "团队能力"], ["rubric[1].weight", "40"], ["rubric[1].maxScore", "10"],
];

const intent = (value: object): [string, string] => ["__intent__", JSON.stringify(value)];

function statusOf(result: ReturnType<typeof invalid>): number | undefined {
  return result.init?.status;
}

describe("invalid() and row editor intents", () => {
  it("answers 200 to an add-row intent, with the new row and everything typed in the reply", () => {
    const submission = parseForm(form([...rows, intent({ type: "insert", payload: { name: "rubric", defaultValue: { maxScore: "10" } } })]), ScenarioSchema);
    expect(submission.status).toBeUndefined();
    const response = invalid(submission);
    expect(statusOf(response)).toBe(200);
    const value = response.data.result.initialValue as { title: string; rubric: { criterion?: string; maxScore?: string }[] };
    expect(value.title).toBe("水库水位智能预测");
    expect(value.rubric.map((r) => r.criterion)).toEqual(["技术方案", "团队能力", undefined]);
    expect(value.rubric[2]?.maxScore).toBe("10");
  });

  it("applies remove and move intents on the server", () => {
    const moved = invalid(parseForm(form([...rows, intent({ type: "reorder", payload: { name: "rubric", from: 1, to: 0 } })]), ScenarioSchema));
    expect((moved.data.result.initialValue as { rubric: { criterion: string }[] }).rubric.map((r) => r.criterion)).toEqual(["团队能力", "技术方案"]);
    const removed = invalid(parseForm(form([...rows, intent({ type: "remove", payload: { name: "rubric", index: 0 } })]), ScenarioSchema));
    expect(statusOf(removed)).toBe(200);
    expect((removed.data.result.initialValue as { rubric: { criterion: string }[] }).rubric.map((r) => r.criterion)).toEqual(["团队能力"]);
  });

  it("still answers 400 to a real validation failure", () => {
    const submission = parseForm(form(rows), ScenarioSchema);
    expect(submission.status).toBe("error");
    expect(statusOf(invalid(submission))).toBe(400);
  });

  it("refuses a malformed intent with 400 instead of failing on the server", () => {
    for (const bad of [["__intent__", "{not json"], intent({ type: "remove", payload: { name: "title", index: 0 } })] as [string, string][]) {
      let thrown: unknown;
      try {
        parseForm(form([...rows, bad]), ScenarioSchema);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, bad[1]).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
    }
  });
});
