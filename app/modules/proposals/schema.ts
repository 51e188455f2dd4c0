import { z } from "zod";
import { CONSORTIUM_MAX, MILESTONES_MAX, parseConsortium, parseMilestones } from "./lines";

// 申报表单的唯一 Schema。草稿允许不完整（必填项在提交前由 eligibility.ts 检查并列出），
// 这里只拒绝格式错误的输入。消息是 locales/*/proposals.ts 中的键（"pv." 开头）。
// The one schema of the proposal form. Drafts may be incomplete (eligibility.ts lists what is
// missing before submission); this only refuses malformed input. Messages are i18n keys ("pv.").

export const BUDGET_MAX_WAN = 10_000_000;

export type ConsortiumRule = { consortiumAllowed: boolean; consortiumMaxMembers: number };

const optionalText = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v ?? "");

// 金额按万元填写、按元保存，最多四位小数。 Typed in 万元, stored in whole 元, so at most four decimals.
const wan = z
  .number({ invalid_type_error: "pv.number" })
  .min(0, "pv.budgetNegative")
  .max(BUDGET_MAX_WAN, "pv.budgetTooLarge")
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, "pv.budgetPrecision")
  .optional();

const milestones = z.string().optional().transform((value, ctx) => {
  const { rows, issues } = parseMilestones(value ?? "");
  for (const issue of issues) ctx.addIssue({ code: "custom", message: `${issue.key}@${issue.line}` });
  if (rows.length > MILESTONES_MAX) ctx.addIssue({ code: "custom", message: `pv.milestonesTooMany@${MILESTONES_MAX}` });
  return rows;
});

// 联合体规则取决于场景：不允许时拒绝任何成员，允许时不超过成员上限。
// The consortium rule depends on the scenario: refused when not allowed, else at most N members.
function consortium(rule: ConsortiumRule) {
  return z.string().optional().transform((value, ctx) => {
    const { rows, issues } = parseConsortium(value ?? "");
    for (const issue of issues) ctx.addIssue({ code: "custom", message: `${issue.key}@${issue.line}` });
    if (rows.length > 0 && !rule.consortiumAllowed) ctx.addIssue({ code: "custom", message: "pv.consortiumNotAllowed" });
    const max = Math.min(rule.consortiumMaxMembers, CONSORTIUM_MAX);
    if (rule.consortiumAllowed && rows.length > max) ctx.addIssue({ code: "custom", message: `pv.consortiumTooMany@${max}` });
    return rows;
  });
}

export const PROPOSAL_INTENTS = ["save", "autosave", "submit", "withdraw"] as const;

/** 表单 Schema；`rule` 来自场景（加载器把它交给浏览器，客户端用同一规则校验）。 */
export function proposalSchema(rule: ConsortiumRule) {
  return z.object({
    intent: z.enum(PROPOSAL_INTENTS).default("save"),
    // 0 = 尚无草稿（首次保存即创建）。 0 = no draft yet (the first save creates it).
    version: z.number({ invalid_type_error: "error.badRequest" }).int().min(0).default(0),
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
export type ProposalFormShape = z.input<ReturnType<typeof proposalSchema>>;

export function wanToYuan(v: number | null | undefined): bigint | null {
  return v == null ? null : BigInt(Math.round(v * 10_000));
}

export function yuanToWan(v: bigint | number | null | undefined): number | null {
  return v == null ? null : Number(v) / 10_000;
}
