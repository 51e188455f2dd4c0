import type { TemplateName, TemplateProps } from "./index";
import AccountExists from "./account-exists";
import AwardNotice from "./award-notice";
import Digest from "./digest";
import EvaluationNotice from "./evaluation-notice";
import GateDecision from "./gate-decision";
import Invitation from "./invitation";
import MilestoneUpdate from "./milestone-update";
import NotSelected from "./not-selected";
import ObjectionAnswered from "./objection-answered";
import ObjectionReceived from "./objection-received";
import ProposalReceipt from "./proposal-receipt";
import QuestionAnswered from "./question-answered";
import ResetPassword from "./reset-password";
import ScenarioUpdate from "./scenario-update";
import ScoreSheetReopened from "./score-sheet-reopened";
import VerifyEmail from "./verify-email";

// Sample data for every template, shown in both languages on the developer page (/dev/outbox/templates).
// Templates with several kinds (amended / cancelled, submitted / accepted / returned …) get one
// sample per kind, so the page shows every variant a recipient can receive.

export type TemplateSample<N extends TemplateName = TemplateName> = { label: string; props: TemplateProps<N> };

function base<P extends { locale: unknown }>(preview: P): Omit<P, "locale"> {
  const { locale: _locale, ...rest } = preview;
  void _locale;
  return rest;
}

export const TEMPLATE_SAMPLES: { [N in TemplateName]: TemplateSample<N>[] } = {
  "verify-email": [{ label: "verify-email", props: base(VerifyEmail.PreviewProps) }],
  "reset-password": [{ label: "reset-password", props: base(ResetPassword.PreviewProps) }],
  invitation: [{ label: "invitation", props: base(Invitation.PreviewProps) }],
  "account-exists": [{ label: "account-exists", props: base(AccountExists.PreviewProps) }],
  "scenario-update": [
    { label: "amended", props: base(ScenarioUpdate.PreviewProps) },
    { label: "cancelled", props: { ...base(ScenarioUpdate.PreviewProps), kind: "cancelled", changes: [], reason: "上级部门统筹建设，本场景不再单独征集。" } },
  ],
  "question-answered": [
    { label: "asker", props: base(QuestionAnswered.PreviewProps) },
    { label: "follower", props: { ...base(QuestionAnswered.PreviewProps), isAsker: false } },
  ],
  "proposal-receipt": [{ label: "proposal-receipt", props: base(ProposalReceipt.PreviewProps) }],
  "evaluation-notice": [
    { label: "assigned", props: base(EvaluationNotice.PreviewProps) },
    { label: "declined", props: { ...base(EvaluationNotice.PreviewProps), kind: "declined", evaluatorName: "王教授", reason: "近期出差，无法按期完成评审。" } },
    { label: "reminder", props: { ...base(EvaluationNotice.PreviewProps), kind: "reminder", outstanding: 2 } },
  ],
  "score-sheet-reopened": [{ label: "score-sheet-reopened", props: base(ScoreSheetReopened.PreviewProps) }],
  "award-notice": [
    { label: "proposed", props: base(AwardNotice.PreviewProps) },
    { label: "awarded", props: { ...base(AwardNotice.PreviewProps), stage: "awarded" } },
    { label: "notice", props: { ...base(AwardNotice.PreviewProps), stage: "notice", orgName: "河南数智视觉科技有限公司" } },
  ],
  "not-selected": [
    { label: "not-selected", props: base(NotSelected.PreviewProps) },
    { label: "shortlisted", props: { ...base(NotSelected.PreviewProps), shortlisted: true, rank: "2 / 6" } },
  ],
  "objection-received": [
    { label: "department", props: base(ObjectionReceived.PreviewProps) },
    { label: "objector", props: { ...base(ObjectionReceived.PreviewProps), audience: "objector" } },
  ],
  "objection-answered": [
    { label: "answered", props: { ...base(ObjectionAnswered.PreviewProps), stage: "answered", reason: undefined } },
    { label: "dismissed", props: base(ObjectionAnswered.PreviewProps) },
    { label: "upheld", props: { ...base(ObjectionAnswered.PreviewProps), stage: "upheld", reason: "拟中选单位的业绩证明与实际不符，须重新评审。" } },
  ],
  "milestone-update": [
    { label: "submitted", props: { ...base(MilestoneUpdate.PreviewProps), kind: "submitted", reason: undefined, dueAt: undefined } },
    { label: "accepted", props: { ...base(MilestoneUpdate.PreviewProps), kind: "accepted", reason: undefined, dueAt: undefined } },
    { label: "returned", props: base(MilestoneUpdate.PreviewProps) },
    { label: "reminder", props: { ...base(MilestoneUpdate.PreviewProps), kind: "reminder", reason: undefined } },
    { label: "overdue", props: { ...base(MilestoneUpdate.PreviewProps), kind: "overdue", reason: undefined } },
  ],
  "gate-decision": [
    { label: "advanced", props: base(GateDecision.PreviewProps) },
    { label: "stopped", props: { ...base(GateDecision.PreviewProps), advanced: false, reason: "调度方案平均时延降低 9%，低于关口指标 15%。" } },
  ],
  digest: [
    { label: "daily", props: base(Digest.PreviewProps) },
    { label: "weekly, deadlines only", props: { ...base(Digest.PreviewProps), frequency: "weekly", groups: [], periodLabel: "2026年5月4日当周" } },
  ],
};
