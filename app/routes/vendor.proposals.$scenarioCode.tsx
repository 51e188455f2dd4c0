import { canWithdraw, hasCurrentReceipt, isEditable, isInReview, isUndelivered } from "~/modules/proposals/proposal-status";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposalEligibility } from "~/components/proposal-eligibility";
import { ProposalFeedbackSection } from "~/components/proposal-feedback";
import { ProposalForm } from "~/components/proposal-form";
import { ConfirmAction } from "~/components/confirm-action";
import { ProposalReceipt } from "~/components/proposal-receipt";
import { AttachmentList } from "~/components/attachment-list";
import { AttachmentUpload } from "~/components/attachment-upload";
import { listProposalAttachments } from "~/modules/attachments/attachments.server";
import { ownFeedback } from "~/modules/awards/feedback.server";
import { ProposalStatusBadge } from "~/components/proposal-status-badge";
import { deadlinePassed } from "~/modules/proposals/deadline";
import { saveDraft, submitProposal, withdrawProposal, type ProposalActor } from "~/modules/proposals/proposal-commands.server";
import { getVendorProposalPage, type VendorProposalPage } from "~/modules/proposals/proposal-queries.server";
import { proposalSchema, type ProposalFormShape } from "~/modules/proposals/schema";
import { AppError, invariantResponse } from "~/utils/errors.server";
import { formatBudget, formatDateTime } from "~/utils/format";
import { fromAppError, invalid } from "~/utils/forms.server";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `揭榜申报 ${data.scenario.code} · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

// 只有揭榜单位成员能进入；所有查询都限定在其所属单位（requireRole 支持 ?org=）。定向委托场景中
// 未受邀的单位得到 403 和原因，而不是一个无法提交的表单。
// Vendor members only; everything is scoped to their organisation. An uninvited organisation on a
// directed scenario gets a 403 that says why, not a form it cannot submit.
async function load(request: Request, code: string | undefined) {
  const user = await requireRole(request, "vendor_member");
  const page = await getVendorProposalPage(user.membership.orgId, code ?? "");
  invariantResponse(page, 404);
  if (!page.allowed) throw new Response("pv.notInvited", { status: 403 });
  return { user, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, page } = await load(request, params.scenarioCode);
  const attachments = page.proposal ? await listProposalAttachments(page.proposal.id) : [];
  // 定标生效后才有评审反馈，且只针对本单位的申报（规则见 feedback.server.ts ownFeedback）。
  // Feedback only once the award is final, and only on this organisation's own proposal (the rule
  // and why: feedback.server.ts ownFeedback).
  const feedback = page.proposal ? await ownFeedback(user.membership.orgId, page.scenario.id) : null;
  return { ...page, attachments, feedback, closed: page.scenario.status !== "published" || deadlinePassed(page.scenario.deadline, new Date()) };
}

// A new draft starts with one empty milestone row, so the vendor sees the shape of a row at once.
function formDefaults(p: VendorProposalPage["proposal"]): ProposalFormShape {
  if (!p) return { milestones: [{}] };
  return {
    technicalApproach: p.technicalApproach, team: p.team, relevantCases: p.relevantCases,
    budgetRequest: p.budgetRequestWan == null ? undefined : p.budgetRequestWan,
    milestones: p.milestones.length > 0 ? p.milestones : [{}], consortiumMembers: p.consortiumMembers,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, page } = await load(request, params.scenarioCode);
  const actor: ProposalActor = { id: user.id, email: user.email, name: user.name, locale: user.locale };
  const key = { orgId: user.membership.orgId, scenarioId: page.scenario.id };
  const formData = await request.formData();
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;

  if (formData.get("intent") === "withdraw") {
    try {
      await withdrawProposal(actor, key);
    } catch (error) {
      if (error instanceof AppError) return data({ error: error.label as string }, { status: error.status });
      throw error;
    }
    return redirectWithToast(back, { kind: "success", message: "pr.toast.withdrawn" });
  }

  const submission = parseWithZod(formData, { schema: proposalSchema(page.scenario) });
  if (submission.status !== "success") return invalid(submission);
  const { intent, version, ...input } = submission.value;
  try {
    const saved = await saveDraft(actor, key, version, input, { autosave: intent === "autosave" });
    if (intent === "autosave") return data({ ok: true as const, version: saved.version, savedAt: new Date().toISOString() });
    if (intent === "submit") {
      await submitProposal(actor, key);
      return redirectWithToast(back, { kind: "success", message: "pr.toast.submitted" });
    }
  } catch (error) {
    // 内容已保存但尚不满足递交条件时，表单带着输入内容返回，检查清单列出缺项。
    // Saved but not eligible: the form comes back with what was typed; the checklist lists what is missing.
    return fromAppError(error, submission);
  }
  return redirectWithToast(back, { kind: "success", message: "pr.toast.saved" });
}

export default function VendorProposalRoute() {
  const t = useT();
  const locale = useLocale();
  const { scenario: s, proposal: p, eligibility, unsubmittedChanges, closed, attachments, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const error = actionData && "error" in actionData ? actionData.error : null;
  const submittedBefore = (p?.submissions.length ?? 0) > 0;
  return (
    <>
      <p className="meta-row">
        <Link to={`/scenarios/${s.code}`}>{t("pr.edit.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        {p ? <ProposalStatusBadge status={p.status} /> : null}
      </p>
      <h1>{t("pr.edit.title", { n: s.title })}</h1>
      <p>{t("pr.edit.deadline")}<time dateTime={s.deadline}>{formatDateTime(s.deadline, locale)}</time></p>
      <p className="status-banner" role="note">{t("pr.edit.sealed")}</p>
      {closed ? <p className="field-errors" role="note">{t("pr.edit.closed")}</p> : null}
      {error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, error)}</p></div> : null}
      {p?.scenarioChangedAt ? <p className="status-banner" role="note">{t("pr.edit.scenarioChanged")}</p> : null}
      {p && hasCurrentReceipt(p.status) && !isInReview(p.status) && unsubmittedChanges ? <p className="status-banner" role="note">{t("pr.edit.unsubmitted")}</p> : null}

      {p && feedback ? <ProposalFeedbackSection feedback={feedback} /> : null}
      {p && hasCurrentReceipt(p.status) ? <ProposalReceipt submissions={p.submissions} /> : null}
      {!closed ? <ProposalEligibility issues={eligibility} /> : null}
      <ProposalForm
        lastResult={result}
        defaultValue={formDefaults(p)}
        version={p?.version ?? 0}
        rule={s}
        budgetHint={t("pr.h.budgetRequest", { n: formatBudget(s.budgetMin, s.budgetMax, locale) })}
        editable={!closed && (!p || isEditable(p.status))}
        submitLabel={submittedBefore ? t("pr.edit.resubmit") : t("pr.edit.submit")}
      />
      {!closed && p && canWithdraw(p.status) ? (
        <ConfirmAction label={t("pr.edit.withdraw")} question={t("pr.edit.withdrawConfirm", { date: formatDateTime(s.deadline, locale) })} className="actions">
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="btn btn-danger-solid btn">{t("pr.edit.withdrawYes")}</button>
          </Form>
        </ConfirmAction>
      ) : null}
      {p ? (
        <AttachmentList attachments={attachments}>
          {/* A submitted proposal is fixed by its receipt; files change while drafting or after a withdrawal. */}
          {!closed && isUndelivered(p.status) ? (
            <AttachmentUpload kind="proposal" targetId={p.id} redirectTo={`/vendor/proposals/${s.code}`} />
          ) : null}
        </AttachmentList>
      ) : null}
      {p && isUndelivered(p.status) && p.submissions.length > 0 ? <ProposalReceipt submissions={p.submissions} /> : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
