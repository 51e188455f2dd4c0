import { z } from "zod";
import {
  CONSORTIUM_MAX, MEMBER_NAME_MAX, MEMBER_ROLE_MAX, MILESTONE_NAME_MAX, MILESTONE_TEXT_MAX, MILESTONES_MAX, validDate,
  type ConsortiumMember, type Milestone,
} from "./lines";
import { blankRowsDropped, isBlankRow } from "~/utils/row-schema";
import { recordVersion } from "~/utils/record-version";

// 申报表单的唯一 Schema。草稿允许不完整（必填项在提交前由 eligibility.ts 检查并列出），
// 这里只拒绝格式错误的输入。消息是 locales/*/proposals.ts 中的键（"pv." 开头）。
// The one schema of the proposal form. Drafts may be incomplete (eligibility.ts lists what is
// missing before submission); this only refuses malformed input. Messages are i18n keys ("pv.").
// Milestones and consortium members come from row editors: each error is attached to its row's
// field (milestones[2].dueDate), and a row left entirely blank is dropped, not refused.

export const BUDGET_MAX_WAN = 10_000_000;

export type ConsortiumRule = { consortiumAllowed: boolean; consortiumMaxMembers: number };

const optionalText = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v ?? "");
const cell = (max: number, key: string) => z.string({ required_error: key, invalid_type_error: key }).trim().min(1, key).max(max, key);

// 金额按万元填写、按元保存，最多四位小数。 Typed in 万元, stored in whole 元, so at most four decimals.
const wan = z
  .number({ invalid_type_error: "pv.number" })
  .min(0, "pv.budgetNegative")
  .max(BUDGET_MAX_WAN, "pv.budgetTooLarge")
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, "pv.budgetPrecision")
  .optional();

const milestoneRow = z.object({
  name: cell(MILESTONE_NAME_MAX, "pv.row.milestoneName"),
  dueDate: z.string({ required_error: "pv.row.milestoneDate", invalid_type_error: "pv.row.milestoneDate" }).trim().refine(validDate, "pv.row.milestoneDate"),
  deliverable: cell(MILESTONE_TEXT_MAX, "pv.row.milestoneDeliverable"),
  evidence: cell(MILESTONE_TEXT_MAX, "pv.row.milestoneEvidence"),
});

const memberRow = z.object({
  name: cell(MEMBER_NAME_MAX, "pv.row.memberName"),
  role: cell(MEMBER_ROLE_MAX, "pv.row.memberRole"),
});

const milestones = blankRowsDropped(milestoneRow, MILESTONES_MAX, `pv.milestonesTooMany@${MILESTONES_MAX}`);

// 联合体规则取决于场景：不允许时拒绝任何成员，允许时不超过成员上限（与行内错误同一轮出现）。
// The consortium rule depends on the scenario: refused when not allowed, else at most N members,
// reported in the same round as a row's own errors.
function consortium(rule: ConsortiumRule) {
  const max = Math.min(rule.consortiumMaxMembers, CONSORTIUM_MAX);
  return z.preprocess((raw, ctx) => {
    const filled = Array.isArray(raw) ? raw.filter((row) => !isBlankRow(row)).length : 0;
    if (filled > 0 && !rule.consortiumAllowed) ctx.addIssue({ code: "custom", message: "pv.consortiumNotAllowed" });
    return raw;
  }, blankRowsDropped(memberRow, rule.consortiumAllowed ? max : CONSORTIUM_MAX, `pv.consortiumTooMany@${max}`));
}

export const PROPOSAL_INTENTS = ["save", "autosave", "submit", "withdraw"] as const;

/** 表单 Schema；`rule` 来自场景（加载器把它交给浏览器，客户端用同一规则校验）。 */
export function proposalSchema(rule: ConsortiumRule) {
  return z.object({
    intent: z.enum(PROPOSAL_INTENTS).default("save"),
    // 0 = 尚无草稿（首次保存即创建）。 0 = no draft yet (the first save creates it).
    version: recordVersion(0, { invalid_type_error: "error.badRequest" }).default(0),
    technicalApproach: optionalText(30_000),
    team: optionalText(5_000),
    budgetRequest: wan,
    milestones,
    relevantCases: optionalText(10_000),
    consortiumMembers: consortium(rule),
  });
}

export type ProposalFormValue = z.infer<ReturnType<typeof proposalSchema>>;
export type ProposalInput = Omit<ProposalFormValue, "intent" | "version">;
/** What the form posts; the row lists are named by their rows' shape (the checks in front take anything). */
export type ProposalFormShape = Omit<z.input<ReturnType<typeof proposalSchema>>, "milestones" | "consortiumMembers"> & {
  milestones?: Partial<Milestone>[];
  consortiumMembers?: Partial<ConsortiumMember>[];
};

export function wanToYuan(v: number | null | undefined): bigint | null {
  return v == null ? null : BigInt(Math.round(v * 10_000));
}

export function yuanToWan(v: bigint | number | null | undefined): number | null {
  return v == null ? null : Number(v) / 10_000;
}
