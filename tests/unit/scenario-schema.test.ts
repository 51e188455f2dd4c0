import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../app/locales/zh-CN";
import { parseRubricText, splitIssue } from "../../app/modules/scenarios/rubric";
import {
  CancelSchema, ScenarioAmendSchema, ScenarioEditSchema, ScenarioSchema, wanToYuan, yuanToWan,
} from "../../app/modules/scenarios/schema";
import { fromShanghaiInput, shanghaiYear, toShanghaiInput } from "../../app/modules/scenarios/scenario-dates";
import { scenarioFormDefaults } from "../../app/modules/scenarios/scenario-form-values";

// The schemas are exercised the way the routes use them: a FormData through Conform's parseWithZod,
// so empty inputs, checkboxes and repeated names are coerced exactly as in a real submission.

type Entries = Record<string, string | string[]>;

const VALID: Entries = {
  title: "水库水位智能预测",
  summary: "基于多源数据预测未来 72 小时水库水位。",
  description: "## 背景\n常庄水库…",
  sector: "disaster_prevention",
  techTags: ["predictive_analytics", "spatiotemporal_data"],
  mechanism: "open_call",
  district: "zhengzhou",
  needType: "tech_breakthrough",
  budgetMin: "50",
  budgetMax: "120.5",
  kpis: "72 小时预测误差 ≤ 5 厘米\r\n\r\n  每小时更新一次  ",
  contactName: "李工",
  contactPhone: "0371-67188888",
  contactEmail: "Water@Example.CN",
  deadline: "2099-05-01T17:00",
  rubric: "技术方案 | 50 | 100\n团队能力｜30｜100\n实施计划 | 20% | 100",
};

function formData(entries: Entries): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
  }
  return fd;
}

function parse(entries: Entries, schema: typeof ScenarioSchema | typeof ScenarioEditSchema | typeof ScenarioAmendSchema = ScenarioSchema) {
  return parseWithZod(formData(entries), { schema });
}

function errorsOf(entries: Entries, schema?: Parameters<typeof parse>[1]): Record<string, string[]> {
  const submission = parse(entries, schema);
  if (submission.status === "success") throw new Error("expected validation errors");
  return (submission.error ?? {}) as Record<string, string[]>;
}

function valueOf(entries: Entries) {
  const submission = parse(entries);
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

describe("scenario form schema", () => {
  it("accepts a complete form and normalises it", () => {
    const v = valueOf(VALID);
    expect(v.title).toBe("水库水位智能预测");
    expect(v.titleEn).toBeNull();
    expect(v.cooperationMode).toBe("");
    expect(v.techTags).toEqual(["predictive_analytics", "spatiotemporal_data"]);
    expect(v.kpis).toEqual(["72 小时预测误差 ≤ 5 厘米", "每小时更新一次"]);
    expect(v.acceptanceCriteria).toEqual([]);
    expect(v.contactEmail).toBe("water@example.cn");
    expect(v.consortiumAllowed).toBe(false);
    expect(v.invitedOrgIds).toEqual([]);
    expect(v.rubric).toEqual([
      { criterion: "技术方案", weight: 50, maxScore: 100 },
      { criterion: "团队能力", weight: 30, maxScore: 100 },
      { criterion: "实施计划", weight: 20, maxScore: 100 },
    ]);
  });

  it("requires the starred fields", () => {
    const errors = errorsOf({});
    for (const field of ["title", "summary", "description", "sector", "mechanism", "district", "needType", "contactName", "contactPhone", "contactEmail", "deadline"]) {
      expect(errors[field], field).toEqual(["v.required"]);
    }
    expect(errors.budgetMin).toBeUndefined();
    expect(errors.rubric).toBeUndefined();
  });

  it("refuses values outside the catalogues", () => {
    const errors = errorsOf({ ...VALID, sector: "space", techTags: ["llm", "telepathy"] });
    expect(errors.sector).toEqual(["sv.unknownOption"]);
    expect(errors["techTags[1]"]).toEqual(["sv.unknownOption"]);
  });

  describe("budget (万元 on the form, 元 stored)", () => {
    it("converts decimals exactly to whole yuan", () => {
      const v = valueOf(VALID);
      expect(wanToYuan(v.budgetMin)).toBe(500_000);
      expect(wanToYuan(v.budgetMax)).toBe(1_205_000);
      expect(wanToYuan(0.0001)).toBe(1);
      expect(yuanToWan(1_205_000)).toBe(120.5);
    });

    it("reads both empty as negotiable (面议)", () => {
      const v = valueOf({ ...VALID, budgetMin: "", budgetMax: "" });
      expect(v.budgetMin).toBeUndefined();
      expect(wanToYuan(v.budgetMax)).toBeNull();
    });

    it("requires max ≥ min, on the max field", () => {
      expect(errorsOf({ ...VALID, budgetMin: "200", budgetMax: "100" }).budgetMax).toEqual(["sv.budgetOrder"]);
      expect(parse({ ...VALID, budgetMin: "100", budgetMax: "100" }).status).toBe("success");
    });

    it("refuses fractions of a yuan, negatives and text", () => {
      expect(errorsOf({ ...VALID, budgetMin: "1.23456" }).budgetMin).toEqual(["sv.budgetPrecision"]);
      expect(errorsOf({ ...VALID, budgetMin: "-1" }).budgetMin).toEqual(["sv.budgetNegative"]);
      expect(errorsOf({ ...VALID, budgetMax: "十万" }).budgetMax).toEqual(["sv.number"]);
    });
  });

  describe("mechanism rules", () => {
    it("needs at least two teams for a horse race", () => {
      expect(errorsOf({ ...VALID, mechanism: "horse_race" }).raceTeams).toEqual(["sv.raceTeamsRequired"]);
      expect(errorsOf({ ...VALID, mechanism: "horse_race", raceTeams: "1" }).raceTeams).toEqual(["sv.raceTeamsRange"]);
      expect(valueOf({ ...VALID, mechanism: "horse_race", raceTeams: "3" }).raceTeams).toBe(3);
    });

    it("needs at least one invited organisation for directed commissioning", () => {
      expect(errorsOf({ ...VALID, mechanism: "directed" }).invitedOrgIds).toEqual(["sv.invitedRequired"]);
      // A single checked box arrives as one value, not a list.
      expect(valueOf({ ...VALID, mechanism: "directed", invitedOrgIds: "org_1" }).invitedOrgIds).toEqual(["org_1"]);
    });
  });

  it("asks for the member limit when consortia are allowed, within 0–10", () => {
    expect(errorsOf({ ...VALID, consortiumAllowed: "on" }).consortiumMaxMembers).toEqual(["sv.consortiumMembersRequired"]);
    expect(errorsOf({ ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "11" }).consortiumMaxMembers).toEqual(["sv.consortiumRange"]);
    const v = valueOf({ ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "3" });
    expect([v.consortiumAllowed, v.consortiumMaxMembers]).toEqual([true, 3]);
  });

  it("checks the phone number and the line lists", () => {
    expect(errorsOf({ ...VALID, contactPhone: "call me" }).contactPhone).toEqual(["sv.phone"]);
    expect(parse({ ...VALID, contactPhone: "+86 138 0013 8000" }).status).toBe("success");
    expect(errorsOf({ ...VALID, kpis: Array.from({ length: 31 }, (_, i) => `指标 ${i}`).join("\n") }).kpis).toEqual(["sv.lines"]);
  });

  describe("deadline (datetime-local, Beijing time)", () => {
    it("reads the typed time as UTC+8 whatever the server's zone", () => {
      expect(valueOf(VALID).deadline.toISOString()).toBe("2099-05-01T09:00:00.000Z");
      expect(fromShanghaiInput("2026-01-01T00:30")?.toISOString()).toBe("2025-12-31T16:30:00.000Z");
      expect(toShanghaiInput(new Date("2025-12-31T16:30:00.000Z"))).toBe("2026-01-01T00:30");
      expect(shanghaiYear(new Date("2025-12-31T16:30:00.000Z"))).toBe(2026);
    });

    it("refuses impossible or malformed dates", () => {
      expect(errorsOf({ ...VALID, deadline: "2026-02-31T10:00" }).deadline).toEqual(["sv.datetime"]);
      expect(errorsOf({ ...VALID, deadline: "next friday" }).deadline).toEqual(["sv.datetime"]);
    });

    it("allows a past deadline on a draft but not on an amendment", () => {
      expect(parse({ ...VALID, deadline: "2020-01-01T10:00" }).status).toBe("success");
      const errors = errorsOf({ ...VALID, deadline: "2020-01-01T10:00", version: "3", note: "延期" }, ScenarioAmendSchema);
      expect(errors.deadline).toEqual(["sv.deadlinePast"]);
    });

    it("reports an impossible date on an amendment as a field error instead of throwing", () => {
      const errors = errorsOf({ ...VALID, deadline: "2027-02-31T10:00", version: "3", note: "延期" }, ScenarioAmendSchema);
      expect(errors.deadline).toEqual(["sv.datetime"]);
    });
  });

  describe("rubric (名称 | 权重 | 满分 per line)", () => {
    it("points at the line that is wrong", () => {
      const errors = errorsOf({ ...VALID, rubric: "技术方案 | 60 | 100\n团队能力 40 100\n成效 | 很多 | 100" });
      expect(errors.rubric).toEqual(["sv.rubricFormat@2", "sv.rubricWeight@3"]);
    });

    it("requires the weights to add up to 100", () => {
      expect(errorsOf({ ...VALID, rubric: "技术方案 | 60 | 100\n团队能力 | 30 | 100" }).rubric).toEqual(["sv.rubricSum@90"]);
      expect(parseRubricText("甲 | 33.3 | 10\n乙 | 33.3 | 10\n丙 | 33.4 | 10").weightSum).toBe(100);
    });

    it("may be left empty on a draft", () => {
      expect(valueOf({ ...VALID, rubric: "" }).rubric).toEqual([]);
    });
  });

  it("needs the loaded version on edit and amend, and a note on amend", () => {
    expect(errorsOf(VALID, ScenarioEditSchema).version).toEqual(["v.required"]);
    const errors = errorsOf({ ...VALID, version: "2" }, ScenarioAmendSchema);
    expect(errors.note).toEqual(["v.required"]);
    const ok = parse({ ...VALID, version: "2", note: "延长截止时间" }, ScenarioAmendSchema);
    expect(ok.status).toBe("success");
  });

  it("requires a cancellation reason of at least five characters", () => {
    const short = parseWithZod(formData({ reason: "不要" }), { schema: CancelSchema });
    expect(short.status === "error" ? short.error?.reason : null).toEqual(["sv.reasonShort"]);
    expect(parseWithZod(formData({ reason: "需求已由其他项目覆盖" }), { schema: CancelSchema }).status).toBe("success");
  });

  it("only produces messages that exist in the Chinese catalogue", () => {
    const bad: Entries = {
      ...VALID, sector: "x", mechanism: "horse_race", raceTeams: "0.5", budgetMin: "-1", budgetMax: "1e12",
      kpis: "x".repeat(301), contactPhone: "?", contactEmail: "nope", deadline: "tomorrow", projectMonths: "999",
      consortiumAllowed: "on", rubric: "a\nb | x | y\n | 1 | 1", title: "t".repeat(200),
    };
    const messages = Object.values(errorsOf(bad)).flat();
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(Object.keys(zhCN), message).toContain(splitIssue(message).key);
  });
});

describe("form defaults from a stored scenario", () => {
  it("round-trips through the form without changes", () => {
    const stored = valueOf({ ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "2", mechanism: "directed", invitedOrgIds: ["o1", "o2"] });
    const defaults = scenarioFormDefaults({
      ...stored,
      budgetMin: wanToYuan(stored.budgetMin),
      budgetMax: wanToYuan(stored.budgetMax),
      raceTeams: stored.raceTeams ?? null,
      projectMonths: stored.projectMonths ?? null,
      consortiumMaxMembers: stored.consortiumMaxMembers ?? 0,
      invitedOrgs: stored.invitedOrgIds.map((id) => ({ id })),
      deadline: stored.deadline.toISOString(),
      version: 4,
    });
    const again = parseWithZod(formData(defaults as unknown as Entries), { schema: ScenarioEditSchema });
    if (again.status !== "success") throw new Error(JSON.stringify(again.error));
    const { version, ...rest } = again.value;
    expect(version).toBe(4);
    expect(rest).toEqual(stored);
  });
});
