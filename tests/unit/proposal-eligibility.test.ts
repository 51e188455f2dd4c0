import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityProposal, type EligibilityScenario } from "../../app/modules/proposals/eligibility";
import { parseConsortium, parseMilestones } from "../../app/modules/proposals/lines";
import { proposalSchema } from "../../app/modules/proposals/schema";

const scenario: EligibilityScenario = { mechanism: "open_call", budgetMin: 1_000_000n, budgetMax: 2_000_000n, consortiumAllowed: false, consortiumMaxMembers: 0 };
const complete: EligibilityProposal = {
  technicalApproach: "## 技术路线", team: "张伟（负责人）", budgetRequest: 1_500_000n,
  milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "原型系统", evidence: "演示视频" }],
  consortiumMembers: [],
};
const keys = (p: EligibilityProposal, s = scenario, invited = false) => checkEligibility(p, s, { invited }).map((i) => i.key);

describe("eligibility before submission", () => {
  it("a complete proposal within budget passes", () => {
    expect(keys(complete)).toEqual([]);
  });

  it("lists every missing required item, not just the first", () => {
    expect(keys({ technicalApproach: " ", team: "", budgetRequest: null, milestones: [], consortiumMembers: [] })).toEqual([
      "pv.missing.technicalApproach", "pv.missing.team", "pv.missing.budget", "pv.missing.milestones",
    ]);
  });

  it("checks the budget against the scenario's range, in 万元", () => {
    expect(checkEligibility({ ...complete, budgetRequest: 999_999n }, scenario, { invited: false })).toEqual([{ key: "pv.budgetBelow", vars: { n: 100 } }]);
    expect(checkEligibility({ ...complete, budgetRequest: 2_000_001n }, scenario, { invited: false })).toEqual([{ key: "pv.budgetAbove", vars: { n: 200 } }]);
    expect(keys({ ...complete, budgetRequest: 2_000_000n })).toEqual([]);
    expect(keys({ ...complete, budgetRequest: 99_000_000n }, { ...scenario, budgetMin: null, budgetMax: null })).toEqual([]);
  });

  it("applies the consortium rule", () => {
    const members = [{ name: "郑州大学", role: "算法" }, { name: "河南某公司", role: "集成" }];
    expect(keys({ ...complete, consortiumMembers: members })).toEqual(["pv.consortiumNotAllowed"]);
    const allowed = { ...scenario, consortiumAllowed: true, consortiumMaxMembers: 1 };
    expect(keys({ ...complete, consortiumMembers: members }, allowed)).toEqual(["pv.consortiumTooMany"]);
    expect(keys({ ...complete, consortiumMembers: members.slice(0, 1) }, allowed)).toEqual([]);
  });

  it("a directed scenario refuses an uninvited organisation and says so", () => {
    const directed = { ...scenario, mechanism: "directed" as const };
    expect(keys(complete, directed, false)).toEqual(["pv.notInvited"]);
    expect(keys(complete, directed, true)).toEqual([]);
  });
});

describe("proposal form lines", () => {
  it("parses milestones with per-line issues, full-width bars accepted", () => {
    const { rows, issues } = parseMilestones("需求调研 | 2026-06-30 | 调研报告 | 专家评审意见\n\n原型｜2026-02-30｜原型系统｜演示\n缺字段 | 2026-07-01");
    expect(rows).toEqual([{ name: "需求调研", dueDate: "2026-06-30", deliverable: "调研报告", evidence: "专家评审意见" }]);
    expect(issues).toEqual([{ line: 3, key: "pv.milestoneDate" }, { line: 4, key: "pv.milestoneFormat" }]);
  });

  it("parses consortium lines", () => {
    expect(parseConsortium("郑州大学 | 算法研究\n坏行").issues).toEqual([{ line: 2, key: "pv.consortiumFormat" }]);
  });

  it("the schema refuses consortium members when not allowed and above the limit", () => {
    const none = proposalSchema({ consortiumAllowed: false, consortiumMaxMembers: 0 }).safeParse({ consortiumMembers: "郑州大学 | 算法" });
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => i.message)).toEqual(["pv.consortiumNotAllowed"]);
    const limited = proposalSchema({ consortiumAllowed: true, consortiumMaxMembers: 1 }).safeParse({ consortiumMembers: "甲 | 乙\n丙 | 丁" });
    expect(limited.error?.issues.map((i) => i.message)).toEqual(["pv.consortiumTooMany@1"]);
    const ok = proposalSchema({ consortiumAllowed: true, consortiumMaxMembers: 2 }).safeParse({ budgetRequest: 150.5, milestones: "上线 | 2026-06-30 | 系统 | 报告" });
    expect(ok.success).toBe(true);
    expect(ok.data?.milestones).toHaveLength(1);
  });
});
