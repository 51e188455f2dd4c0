import { describe, expect, it } from "vitest";
import {
  MATERIAL_FIELDS, SNAPSHOT_FIELDS, diffSnapshots, readChanges, snapshotOf, type ScenarioSnapshot, type SnapshotSource,
} from "../../app/modules/scenarios/scenario-diff";

const source: SnapshotSource = {
  title: "防汛专家知识库大模型",
  titleEn: "Flood-control expert knowledge LLM",
  summary: "汇集历年防汛调度经验，为值班人员提供问答与预案推荐。",
  summaryEn: null,
  description: "## 背景\n郑州市防汛…",
  sector: "disaster_prevention",
  techTags: ["llm", "knowledge_graph"],
  mechanism: "open_call",
  raceTeams: null,
  invitedOrgs: [],
  district: "zhengzhou",
  needType: "joint_rd",
  cooperationMode: "gov_purchase",
  budgetMin: 1_000_000n,
  budgetMax: 3_000_000n,
  paymentSchedule: "签约后付 30%",
  openResources: "历年汛情数据",
  kpis: ["问答准确率 ≥ 90%", "响应时间 ≤ 3 秒"],
  acceptanceCriteria: ["第三方测评报告"],
  eligibility: "具有大模型备案",
  consortiumAllowed: true,
  consortiumMaxMembers: 2,
  responsibleUnits: ["市应急管理局", "市水利局"],
  contactName: "王工",
  contactPhone: "0371-67188888",
  contactEmail: "flood@example.cn",
  deadline: new Date("2026-06-30T09:00:00.000Z"),
  projectMonths: 12,
  rubric: [
    { criterion: "技术方案", guidance: "技术路线是否可行", weight: 60, maxScore: 100 },
    { criterion: "团队", guidance: "", weight: 40, maxScore: 100 },
  ],
  passMark: null,
  noticeDays: 7,
  showEvaluatorNames: false,
  objectionContact: "",
};

const base = snapshotOf(source);
const withChange = (patch: Partial<ScenarioSnapshot>): ScenarioSnapshot => ({ ...base, ...patch });

describe("snapshotOf", () => {
  it("makes a JSON-safe copy: numbers for budgets, ISO deadline, sorted sets", () => {
    expect(base.budgetMin).toBe(1_000_000);
    expect(base.budgetMax).toBe(3_000_000);
    expect(base.deadline).toBe("2026-06-30T09:00:00.000Z");
    expect(base.techTags).toEqual(["knowledge_graph", "llm"]);
    expect(() => JSON.stringify(base)).not.toThrow();
  });

  it("keeps exactly the snapshot fields, dropping ids and other columns", () => {
    const extra = snapshotOf({ ...source, id: "c123", status: "draft" } as SnapshotSource);
    expect(Object.keys(extra).sort()).toEqual([...SNAPSHOT_FIELDS].sort());
  });
});

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual({ changes: [], material: false });
  });

  it("reports a wording change as a non-material field change", () => {
    const result = diffSnapshots(base, withChange({ title: "防汛专家知识库" }));
    expect(result.changes).toEqual([{ field: "title", before: "防汛专家知识库大模型", after: "防汛专家知识库" }]);
    expect(result.material).toBe(false);
  });

  it.each([
    ["deadline", { deadline: "2026-07-15T09:00:00.000Z" }],
    ["budgetMax", { budgetMax: 2_500_000 }],
    ["budgetMin", { budgetMin: null }],
    ["kpis", { kpis: ["问答准确率 ≥ 95%", "响应时间 ≤ 3 秒"] }],
    ["eligibility", { eligibility: "" }],
    ["consortiumAllowed", { consortiumAllowed: false }],
    ["consortiumMaxMembers", { consortiumMaxMembers: 3 }],
  ] as const)("treats a change of %s as material", (field, patch) => {
    const result = diffSnapshots(base, withChange(patch as Partial<ScenarioSnapshot>));
    expect(result.changes.map((c) => c.field)).toEqual([field]);
    expect(result.material).toBe(true);
  });

  it.each(["acceptanceCriteria", "description", "contactPhone", "rubric", "title"] as const)("does not treat %s as material", (field) => {
    expect(MATERIAL_FIELDS.has(field)).toBe(false);
  });

  it("compares deadlines as instants, not as strings", () => {
    expect(diffSnapshots(base, withChange({ deadline: "2026-06-30T17:00:00+08:00" })).changes).toEqual([]);
  });

  it("ignores the order of tags and invitations but not of KPIs", () => {
    expect(diffSnapshots(base, withChange({ techTags: ["llm", "knowledge_graph"] })).changes).toEqual([]);
    const a = withChange({ invitedOrgs: ["甲公司", "乙研究院"] });
    expect(diffSnapshots(a, withChange({ invitedOrgs: ["乙研究院", "甲公司"] })).changes).toEqual([]);
    const reordered = diffSnapshots(base, withChange({ kpis: [...base.kpis].reverse() }));
    expect(reordered.changes.map((c) => c.field)).toEqual(["kpis"]);
  });

  it("reads a rubric recorded before guidance existed as the same rubric with no guidance", () => {
    const withoutGuidance = withChange({ rubric: [{ criterion: "团队", guidance: "", weight: 100, maxScore: 10 }] });
    const recordedEarlier = withChange({ rubric: [{ maxScore: 10, weight: 100, criterion: "团队" }] as unknown as ScenarioSnapshot["rubric"] });
    expect(diffSnapshots(recordedEarlier, withoutGuidance).changes).toEqual([]);
    const guided = withChange({ rubric: [{ criterion: "团队", guidance: "核心人员经验", weight: 100, maxScore: 10 }] });
    expect(diffSnapshots(recordedEarlier, guided).changes.map((c) => c.field)).toEqual(["rubric"]);
  });

  it("treats a missing English title and null alike", () => {
    const before = withChange({ titleEn: null });
    expect(diffSnapshots(before, { ...before, titleEn: undefined as unknown as null }).changes).toEqual([]);
  });

  it("lists several changes in form order with before and after values", () => {
    const after = withChange({ rubric: [{ criterion: "技术方案", guidance: "", weight: 100, maxScore: 100 }], sector: "ecology", budgetMax: 4_000_000 });
    const result = diffSnapshots(base, after);
    expect(result.changes.map((c) => c.field)).toEqual(["sector", "budgetMax", "rubric"]);
    expect(result.changes[1]).toEqual({ field: "budgetMax", before: 3_000_000, after: 4_000_000 });
    expect(result.material).toBe(true);
  });
});

describe("readChanges", () => {
  it("keeps well-formed changes and drops anything else", () => {
    const stored = [{ field: "title", before: "a", after: "b" }, { field: "hacked", before: 1, after: 2 }, null, "x"];
    expect(readChanges(stored)).toEqual([{ field: "title", before: "a", after: "b" }]);
    expect(readChanges({})).toEqual([]);
  });
});
