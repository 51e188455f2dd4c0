import { readConsortium, readMilestones } from "./lines";

// 提交前的资格检查：逐项列出缺什么，而不是只说“不合格”。纯函数，便于单元测试；
// 路由在页面上显示同一份清单，提交命令在事务内再检查一次（以服务器为准）。
// Checks before submission, listing every missing item. Pure; the page shows the same list and the
// submit command checks again inside its transaction (the server decides).

export type EligibilityScenario = {
  mechanism: "open_call" | "horse_race" | "directed";
  budgetMin: bigint | number | null;
  budgetMax: bigint | number | null;
  consortiumAllowed: boolean;
  consortiumMaxMembers: number;
};

export type EligibilityProposal = {
  technicalApproach: string;
  team: string;
  budgetRequest: bigint | number | null;
  milestones: unknown;
  consortiumMembers: unknown;
};

export type EligibilityIssue = { key: string; vars?: Record<string, string | number> };

export function checkEligibility(
  proposal: EligibilityProposal,
  scenario: EligibilityScenario,
  context: { invited: boolean },
): EligibilityIssue[] {
  const issues: EligibilityIssue[] = [];
  if (scenario.mechanism === "directed" && !context.invited) issues.push({ key: "pv.notInvited" });
  if (proposal.technicalApproach.trim() === "") issues.push({ key: "pv.missing.technicalApproach" });
  if (proposal.team.trim() === "") issues.push({ key: "pv.missing.team" });
  if (proposal.budgetRequest == null) issues.push({ key: "pv.missing.budget" });
  if (readMilestones(proposal.milestones).length === 0) issues.push({ key: "pv.missing.milestones" });

  const budget = proposal.budgetRequest == null ? null : Number(proposal.budgetRequest);
  if (budget != null) {
    const min = scenario.budgetMin == null ? null : Number(scenario.budgetMin);
    const max = scenario.budgetMax == null ? null : Number(scenario.budgetMax);
    // 报价以万元显示给用户。 Shown to the user in 万元.
    if (min != null && budget < min) issues.push({ key: "pv.budgetBelow", vars: { n: min / 10_000 } });
    if (max != null && budget > max) issues.push({ key: "pv.budgetAbove", vars: { n: max / 10_000 } });
  }

  const members = readConsortium(proposal.consortiumMembers).length;
  if (members > 0 && !scenario.consortiumAllowed) issues.push({ key: "pv.consortiumNotAllowed" });
  if (scenario.consortiumAllowed && members > scenario.consortiumMaxMembers) {
    issues.push({ key: "pv.consortiumTooMany", vars: { n: scenario.consortiumMaxMembers } });
  }
  return issues;
}
