import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../app/locales/zh-CN";
import { DEFAULT_RUBRIC, readRubric, splitIssue } from "../../app/modules/scenarios/rubric";
import {
  CancelSchema, ScenarioAmendSchema, ScenarioEditSchema, ScenarioSchema, wanToYuan, yuanToWan,
} from "../../app/modules/scenarios/schema";
import { fromShanghaiInput, shanghaiYear, toShanghaiInput } from "../../app/modules/scenarios/scenario-dates";
import { newScenarioFormDefaults, scenarioFormDefaults } from "../../app/modules/scenarios/scenario-form-values";

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
  // Row editors post one field per row: kpis[0], rubric[1].weight … Empty rows are dropped.
  "kpis[0]": "72 小时预测误差 ≤ 5 厘米",
  "kpis[1]": "",
  "kpis[2]": "  每小时更新一次  ",
  contactName: "李工",
  contactPhone: "0371-67188888",
  contactEmail: "Water@Example.CN",
  deadline: "2099-05-01T17:00",
  ...rubricEntries([
    ["技术方案", "技术路线是否可行", "50", "100"],
    ["团队能力", "", "30", "100"],
    ["实施计划", "  进度安排是否合理  ", "20", "100"],
  ]),
};

/** Rubric rows as the row editor posts them: rubric[i].criterion, .guidance, .weight, .maxScore. */
function rubricEntries(rows: [string, string, string, string][]): Entries {
  const entries: Entries = {};
  rows.forEach(([criterion, guidance, weight, maxScore], i) => {
    Object.assign(entries, {
      [`rubric[${i}].criterion`]: criterion,
      [`rubric[${i}].guidance`]: guidance,
      [`rubric[${i}].weight`]: weight,
      [`rubric[${i}].maxScore`]: maxScore,
    });
  });
  return entries;
}

/** VALID with its rubric rows replaced. */
function withRubric(rows: [string, string, string, string][], base: Entries = VALID): Entries {
  const rest = Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith("rubric[")));
  return { ...rest, ...rubricEntries(rows) };
}

function formData(entries: Entries): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
  }
  return fd;
}

/** Form defaults (lists, rows) as the form posts them: one name per input, e.g. rubric[0].weight. */
function asFormEntries(value: Record<string, unknown>, prefix = ""): Entries {
  const entries: Entries = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}${/^\d+$/.test(key) ? `[${key}]` : `.${key}`}` : key;
    if (item !== null && typeof item === "object") Object.assign(entries, asFormEntries(item as Record<string, unknown>, name));
    else entries[name] = String(item ?? "");
  }
  return entries;
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
      { criterion: "技术方案", guidance: "技术路线是否可行", weight: 50, maxScore: 100 },
      { criterion: "团队能力", guidance: "", weight: 30, maxScore: 100 },
      { criterion: "实施计划", guidance: "进度安排是否合理", weight: 20, maxScore: 100 },
    ]);
  });

  it("requires the starred fields", () => {
    const errors = errorsOf({});
    for (const field of ["title", "summary", "description", "sector", "mechanism", "district", "needType", "contactName", "contactPhone", "contactEmail", "deadline"]) {
      expect(errors[field], field).toEqual(["v.required"]);
    }
    expect(errors.budgetMin).toBeUndefined();
    expect(errors.rubric).toEqual(["sv.rubricEmpty"]);
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
      expect(valueOf({ ...VALID, mechanism: "directed", invitedOrgIds: "org_1", passMark: "60" }).invitedOrgIds).toEqual(["org_1"]);
    });

    it("needs a pass mark from 0 to 100 for directed commissioning, and ignores an empty one otherwise", () => {
      const directed = { ...VALID, mechanism: "directed", invitedOrgIds: "org_1" };
      expect(errorsOf(directed).passMark).toEqual(["sv.passMarkRequired"]);
      expect(errorsOf({ ...directed, passMark: "100.5" }).passMark).toEqual(["sv.passMarkRange"]);
      expect(errorsOf({ ...directed, passMark: "-1" }).passMark).toEqual(["sv.passMarkRange"]);
      expect(errorsOf({ ...directed, passMark: "sixty" }).passMark).toEqual(["sv.passMarkRange"]);
      expect(valueOf({ ...directed, passMark: "72.5" }).passMark).toBe(72.5);
      expect(valueOf({ ...directed, passMark: "0" }).passMark).toBe(0);
      expect(valueOf(VALID).passMark).toBeUndefined();
    });
  });

  it("takes the notice period as whole days from 3 to 30, 7 when left empty", () => {
    expect(valueOf(VALID).noticeDays).toBe(7);
    expect(valueOf({ ...VALID, noticeDays: "15" }).noticeDays).toBe(15);
    expect(valueOf({ ...VALID, noticeDays: "3" }).noticeDays).toBe(3);
    expect(valueOf({ ...VALID, noticeDays: "30" }).noticeDays).toBe(30);
    expect(errorsOf({ ...VALID, noticeDays: "2" }).noticeDays).toEqual(["sv.noticeDaysRange"]);
    expect(errorsOf({ ...VALID, noticeDays: "31" }).noticeDays).toEqual(["sv.noticeDaysRange"]);
    expect(errorsOf({ ...VALID, noticeDays: "7.5" }).noticeDays).toEqual(["sv.integer"]);
  });

  it("takes the objection contact (trimmed, at most 200 characters) and the evaluator-names checkbox", () => {
    const v = valueOf({ ...VALID, objectionContact: "  0371-67180000  ", showEvaluatorNames: "on" });
    expect([v.objectionContact, v.showEvaluatorNames]).toEqual(["0371-67180000", true]);
    expect([valueOf(VALID).objectionContact, valueOf(VALID).showEvaluatorNames]).toEqual(["", false]);
    expect(errorsOf({ ...VALID, objectionContact: "x".repeat(201) }).objectionContact).toEqual(["v.tooLong"]);
  });

  // Before: zod ran the cross-field rules only once every field was valid, so these came a round later.
  it("reports cross-field errors in the same round as field errors", () => {
    const errors = errorsOf({
      ...VALID, title: "", contactEmail: "not-an-email", "rubric[0].criterion": "",
      mechanism: "horse_race", budgetMin: "200", budgetMax: "100", consortiumAllowed: "on",
    });
    expect(errors).toMatchObject({
      title: ["v.required"],
      contactEmail: ["v.email"],
      "rubric[0].criterion": ["sv.rubricName"],
      raceTeams: ["sv.raceTeamsRequired"],
      budgetMax: ["sv.budgetOrder"],
      consortiumMaxMembers: ["sv.consortiumMembersRequired"],
    });
    const amend = errorsOf({ ...VALID, version: "2", note: "", deadline: "2020-01-01T10:00", mechanism: "directed" }, ScenarioAmendSchema);
    expect(amend).toMatchObject({
      note: ["v.required"], deadline: ["sv.deadlinePast"], invitedOrgIds: ["sv.invitedRequired"], passMark: ["sv.passMarkRequired"],
    });
    // The pass mark rule does not wait for the other fields either.
    expect(errorsOf({ ...VALID, title: "", noticeDays: "99", mechanism: "directed", invitedOrgIds: "org_1" })).toMatchObject({
      title: ["v.required"], noticeDays: ["sv.noticeDaysRange"], passMark: ["sv.passMarkRequired"],
    });
  });

  it("asks for the member limit when consortia are allowed, within 0–10", () => {
    expect(errorsOf({ ...VALID, consortiumAllowed: "on" }).consortiumMaxMembers).toEqual(["sv.consortiumMembersRequired"]);
    expect(errorsOf({ ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "11" }).consortiumMaxMembers).toEqual(["sv.consortiumRange"]);
    const v = valueOf({ ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "3" });
    expect([v.consortiumAllowed, v.consortiumMaxMembers]).toEqual([true, 3]);
  });

  it("checks the phone number", () => {
    expect(errorsOf({ ...VALID, contactPhone: "call me" }).contactPhone).toEqual(["sv.phone"]);
    expect(parse({ ...VALID, contactPhone: "+86 138 0013 8000" }).status).toBe("success");
  });

  describe("lists (one row per item)", () => {
    it("points at the row that is too long, and caps the number of rows", () => {
      const errors = errorsOf({ ...VALID, "acceptanceCriteria[0]": "第三方测评", "acceptanceCriteria[1]": "验".repeat(301) });
      expect(errors["acceptanceCriteria[1]"]).toEqual(["sv.lineTooLong@300"]);
      const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`responsibleUnits[${i}]`, `单位 ${i}`]));
      expect(errorsOf({ ...VALID, ...many }).responsibleUnits).toEqual(["sv.tooManyLines@30"]);
    });

    it("reads a single row and no rows at all", () => {
      expect(valueOf({ ...VALID, "responsibleUnits[0]": "市水利局" }).responsibleUnits).toEqual(["市水利局"]);
      expect(valueOf(VALID).responsibleUnits).toEqual([]);
    });
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

  describe("rubric rows (criterion, guidance, weight, max score)", () => {
    it("points at the row and the cell that is wrong", () => {
      const errors = errorsOf(withRubric([
        ["技术方案", "", "60", "100"],
        ["", "", "40", "100"],
        ["成效", "", "很多", "0"],
        ["指".repeat(61), "要".repeat(501), "150", "1001"],
      ]));
      expect(errors["rubric[1].criterion"]).toEqual(["sv.rubricName"]);
      expect(errors["rubric[2].weight"]).toEqual(["sv.rubricWeight"]);
      expect(errors["rubric[2].maxScore"]).toEqual(["sv.rubricMaxScore"]);
      expect(errors["rubric[3].criterion"]).toEqual(["sv.rubricName"]);
      expect(errors["rubric[3].guidance"]).toEqual(["sv.rubricGuidance"]);
      expect(errors["rubric[3].weight"]).toEqual(["sv.rubricWeight"]);
      expect(errors["rubric[3].maxScore"]).toEqual(["sv.rubricMaxScore"]);
      expect(errors["rubric[0].criterion"]).toBeUndefined();
    });

    it("requires the weights to total 100, stating the current total", () => {
      expect(errorsOf(withRubric([["技术方案", "", "60", "100"], ["团队能力", "", "30", "100"]])).rubric).toEqual(["sv.rubricSum@90"]);
      const thirds = valueOf(withRubric([["甲", "", "33.3", "10"], ["乙", "", "33.3", "10"], ["丙", "", "33.4", "10"]]));
      expect(thirds.rubric.map((r) => r.weight)).toEqual([33.3, 33.3, 33.4]);
    });

    it("reports the total together with every other error in one round", () => {
      // A missing title, a row without a name and a wrong total: all three at once, so the
      // officer is not sent back a second time for the total after fixing the rest.
      const errors = errorsOf({
        ...withRubric([["技术方案", "", "50", "10"], ["", "", "30", "10"], ["价格", "", "abc", "10"]]),
        title: "",
      });
      expect(errors.title).toEqual(["v.required"]);
      expect(errors["rubric[1].criterion"]).toEqual(["sv.rubricName"]);
      expect(errors["rubric[2].weight"]).toEqual(["sv.rubricWeight"]);
      expect(errors.rubric).toEqual(["sv.rubricSum@80"]);
    });

    it("needs between 1 and 20 rows", () => {
      expect(errorsOf(withRubric([])).rubric).toEqual(["sv.rubricEmpty"]);
      const rows = Array.from({ length: 21 }, (_, i): [string, string, string, string] => [`指标 ${i}`, "", i === 0 ? "80" : "1", "10"]);
      expect(errorsOf(withRubric(rows)).rubric).toEqual(["sv.rubricTooMany@20"]);
    });

    it("keeps the order of the rows", () => {
      const v = valueOf(withRubric([["乙", "", "40", "10"], ["甲", "", "60", "10"]]));
      expect(v.rubric.map((r) => r.criterion)).toEqual(["乙", "甲"]);
    });
  });

  it("needs the loaded version on edit and amend, and a note on amend", () => {
    expect(errorsOf(VALID, ScenarioEditSchema).version).toEqual(["v.required"]);
    const errors = errorsOf({ ...VALID, version: "2" }, ScenarioAmendSchema);
    expect(errors.note).toEqual(["v.required"]);
    const ok = parse({ ...VALID, version: "2", note: "延长截止时间" }, ScenarioAmendSchema);
    expect(ok.status).toBe("success");
    // The database holds versions as 32-bit integers: a tampered one past that is refused here.
    expect(errorsOf({ ...VALID, version: "2147483648" }, ScenarioEditSchema).version).toEqual(["error.badRequest"]);
    expect(errorsOf({ ...VALID, version: "1e300" }, ScenarioEditSchema).version).toEqual(["error.badRequest"]);
  });

  it("requires a cancellation reason of at least five characters", () => {
    const short = parseWithZod(formData({ reason: "不要" }), { schema: CancelSchema });
    expect(short.status === "error" ? short.error?.reason : null).toEqual(["sv.reasonShort"]);
    expect(parseWithZod(formData({ reason: "需求已由其他项目覆盖" }), { schema: CancelSchema }).status).toBe("success");
  });

  it("only produces messages that exist in the Chinese catalogue", () => {
    const bad: Entries = {
      ...VALID, sector: "x", mechanism: "horse_race", raceTeams: "0.5", budgetMin: "-1", budgetMax: "1e12",
      "kpis[0]": "x".repeat(301), contactPhone: "?", contactEmail: "nope", deadline: "tomorrow", projectMonths: "999",
      consortiumAllowed: "on", title: "t".repeat(200),
      ...rubricEntries([["a", "g".repeat(501), "x", "y"], ["", "", "1", "-1"]]),
    };
    const messages = Object.values(errorsOf(bad)).flat();
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(Object.keys(zhCN), message).toContain(splitIssue(message).key);
  });
});

describe("form defaults from a stored scenario", () => {
  it("round-trips through the form without changes", () => {
    const stored = valueOf({
      ...VALID, consortiumAllowed: "on", consortiumMaxMembers: "2", mechanism: "directed", invitedOrgIds: ["o1", "o2"],
      passMark: "72.5", noticeDays: "10", showEvaluatorNames: "on", objectionContact: "市数据局 0371-67180000",
    });
    const defaults = scenarioFormDefaults({
      ...stored,
      budgetMin: wanToYuan(stored.budgetMin),
      budgetMax: wanToYuan(stored.budgetMax),
      raceTeams: stored.raceTeams ?? null,
      projectMonths: stored.projectMonths ?? null,
      passMark: stored.passMark ?? null,
      consortiumMaxMembers: stored.consortiumMaxMembers ?? 0,
      invitedOrgs: stored.invitedOrgIds.map((id) => ({ id })),
      deadline: stored.deadline.toISOString(),
      version: 4,
    });
    const again = parseWithZod(formData(asFormEntries(defaults)), { schema: ScenarioEditSchema });
    if (again.status !== "success") throw new Error(JSON.stringify(again.error));
    const { version, ...rest } = again.value;
    expect(version).toBe(4);
    expect(rest).toEqual(stored);
  });

  it("gives a stored scenario without rubric the template, and empty lists one row to type into", () => {
    const stored = valueOf(VALID);
    const defaults = scenarioFormDefaults({
      ...stored, rubric: [], kpis: [], budgetMin: null, budgetMax: null, raceTeams: null, projectMonths: null, passMark: null,
      consortiumMaxMembers: 0, invitedOrgs: [], deadline: stored.deadline.toISOString(), version: 1,
    });
    expect(defaults.kpis).toEqual([""]);
    expect(defaults.rubric.map((r) => r.criterion)).toEqual(DEFAULT_RUBRIC.map((r) => r.criterion));
  });
});

describe("a new scenario's form", () => {
  it("starts from the default rubric, which passes the schema as it stands", () => {
    const defaults = newScenarioFormDefaults({ name: "李工", email: "li@example.cn" });
    const { rubric, ...start } = defaults;
    const withoutRubric = Object.fromEntries(Object.entries(VALID).filter(([name]) => !name.startsWith("rubric[")));
    const v = valueOf({ ...withoutRubric, ...asFormEntries({ rubric }), "kpis[0]": start.kpis[0]! });
    expect(v.rubric).toEqual(DEFAULT_RUBRIC);
    expect(readRubric(JSON.parse(JSON.stringify(v.rubric)))).toEqual(v.rubric);
  });
});
