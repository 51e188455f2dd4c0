import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityProposal, type EligibilityScenario } from "../../app/modules/proposals/eligibility";
import { parseWithZod } from "@conform-to/zod";
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

// The row editors post one field per cell (milestones[1].dueDate); Conform's parse is what the action runs.
function post(rule: { consortiumAllowed: boolean; consortiumMaxMembers: number }, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const submission = parseWithZod(form, { schema: proposalSchema(rule) });
  return { ...submission, error: submission.status === "error" ? submission.error : undefined };
}

describe("proposal form rows", () => {
  it("attaches each milestone error to its row and cell, drops blank rows, keeps good rows", () => {
    const result = post({ consortiumAllowed: false, consortiumMaxMembers: 0 }, {
      "milestones[0].name": "需求调研", "milestones[0].dueDate": "2026-06-30", "milestones[0].deliverable": "调研报告", "milestones[0].evidence": "专家评审意见",
      "milestones[1].name": "", "milestones[1].dueDate": "", "milestones[1].deliverable": "", "milestones[1].evidence": "",
      "milestones[2].name": "原型", "milestones[2].dueDate": "2026-02-30", "milestones[2].deliverable": "原型系统", "milestones[2].evidence": "",
    });
    expect(result.status).toBe("error");
    expect(result.error).toEqual({ "milestones[2].dueDate": ["pv.row.milestoneDate"], "milestones[2].evidence": ["pv.row.milestoneEvidence"] });
    const ok = post({ consortiumAllowed: false, consortiumMaxMembers: 0 }, {
      "milestones[0].name": "上线", "milestones[0].dueDate": "2026-06-30", "milestones[0].deliverable": "系统", "milestones[0].evidence": "报告",
      "milestones[1].name": "",
    });
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value.milestones).toEqual([{ name: "上线", dueDate: "2026-06-30", deliverable: "系统", evidence: "报告" }]);
  });

  it("reports a consortium rule in the same round as a row's own error", () => {
    const none = post({ consortiumAllowed: false, consortiumMaxMembers: 0 }, { "consortiumMembers[0].name": "郑州大学", "consortiumMembers[0].role": "算法" });
    expect(none.error).toEqual({ consortiumMembers: ["pv.consortiumNotAllowed"] });
    const limited = post({ consortiumAllowed: true, consortiumMaxMembers: 1 }, {
      "consortiumMembers[0].name": "甲", "consortiumMembers[0].role": "乙",
      "consortiumMembers[1].name": "丙", "consortiumMembers[1].role": "",
      "milestones[0].name": "上线", "milestones[0].dueDate": "明天", "milestones[0].deliverable": "系统", "milestones[0].evidence": "报告",
    });
    expect(limited.error).toEqual({
      consortiumMembers: ["pv.consortiumTooMany@1"],
      "consortiumMembers[1].role": ["pv.row.memberRole"],
      "milestones[0].dueDate": ["pv.row.milestoneDate"],
    });
  });
});
