import type { ScenarioStatus } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/permissions.server";
import { deadlinePassed } from "./deadline";

// 封存规则只写在这里。截止前，申报内容只有本单位成员能看：发榜部门不行，平台管理员也不例外，
// 其他揭榜单位永远不行。截止后（场景已关闭或更后的状态，或截止时间已过），发榜部门的工作人员可以看。
// THE sealing rule, in one place. Before the deadline only members of the proposing organisation
// read a proposal: not the department, not an admin (no exemption), never another vendor. After the
// deadline (scenario closed or later, or deadline < now) the owning department's officers may read it.

export type SealScenario = { departmentId: string; status: ScenarioStatus; deadline: Date | string };

// 关闭及其后的状态都意味着截止已过（撤榜除外：撤榜前未截止的申报仍保持封存）。
// Closed and later statuses mean the deadline passed; a cancelled call keeps unclosed proposals sealed.
const UNSEALED_STATUSES: readonly ScenarioStatus[] = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"];

export function isSealed(scenario: SealScenario, now = new Date()): boolean {
  if (UNSEALED_STATUSES.includes(scenario.status)) return false;
  if (scenario.status === "published" && deadlinePassed(scenario.deadline, now)) return false;
  return true;
}

function memberOf(user: CurrentUser | null, orgId: string): boolean {
  return !!user?.memberships.some((m) => m.orgId === orgId && m.role === "vendor_member");
}

function officerOf(user: CurrentUser | null, departmentId: string): boolean {
  return !!user?.memberships.some((m) => m.orgId === departmentId && m.role === "officer");
}

/** 谁能读某份申报的内容。 Who may read a proposal's content. */
export function canReadProposal(user: CurrentUser | null, proposal: { orgId: string }, scenario: SealScenario, now = new Date()): boolean {
  if (memberOf(user, proposal.orgId)) return true;
  return officerOf(user, scenario.departmentId) && !isSealed(scenario, now);
}

/** 发榜部门能看到的范围：截止前只有份数，截止后是内容。 What the department may see: a count, then content. */
export function departmentView(user: CurrentUser | null, scenario: SealScenario, now = new Date()): "none" | "count" | "content" {
  if (!officerOf(user, scenario.departmentId)) return "none";
  return isSealed(scenario, now) ? "count" : "content";
}

/** 定向委托只对受邀单位开放。 A directed (定向委托) scenario is open only to invited organisations. */
export function mayPropose(scenario: { mechanism: string }, invited: boolean): boolean {
  return scenario.mechanism !== "directed" || invited;
}
