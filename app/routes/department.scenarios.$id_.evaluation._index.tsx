import { parseWithZod } from "@conform-to/zod";
import type { Submission, SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssignmentTable } from "~/components/evaluation-assignment-table";
import { EvaluationSettingsForm } from "~/components/evaluation-settings-form";
import { ExcludedList, SuggestionList } from "~/components/evaluation-suggestions";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { assignEvaluator, updateEvaluationSettings } from "~/modules/evaluation/assignment-commands.server";
import { departmentEvaluation } from "~/modules/evaluation/assignment-queries.server";
import { AssignSchema, OverrideSchema, SettingsSchema, intentOf } from "~/modules/evaluation/assignment-schema";
import { overrideConflict } from "~/modules/evaluation/declaration-commands.server";
import { acceptsAssignments, showsEvaluationRecord } from "~/modules/evaluation/evaluation-phase";
import { requireEvaluationManager } from "~/modules/evaluation/evaluation-guards.server";
import { suggestEvaluators } from "~/modules/evaluation/evaluator-suggestions.server";
import { AppError, invariantResponse } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { forbidden } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

// File name: "$id_" keeps /department/scenarios/:id/evaluation out of the manage page's layout.
// 评审指派：发榜部门（或平台管理员）设定截止时间与盲评，按推荐指派评审专家；管理员可书面说明后解除冲突。
// The department (or an admin) sets the due date and blind review, and assigns experts from the
// suggestions; an admin may clear a conflict in writing. Vendor names appear here: the department knows them.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.code} 评审指派 Evaluation · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key, isAdmin } = await requireEvaluationManager(request, params.id);
  const view = await departmentEvaluation(key.id, key.departmentId);
  invariantResponse(view, 404);
  const status = view.scenario.status;
  if (!acceptsAssignments(status) && !showsEvaluationRecord(status)) throw new Response("ea.error.notInEvaluation", { status: 409 });
  const editable = acceptsAssignments(status);
  const { suggestions, excluded } = editable ? await suggestEvaluators(key.id) : { suggestions: [], excluded: [] };
  const dueOpen = !!view.scenario.evaluationDueAt && new Date(view.scenario.evaluationDueAt).getTime() > Date.now();
  return { ...view, suggestions, excluded, isAdmin, editable, canAssign: editable && dueOpen };
}

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> };

function reply(intent: string, target: string, submission: Submission<unknown>, status: number, formErrors?: string[]) {
  return data({ intent, target, result: submission.reply(formErrors ? { formErrors } : {}) as SubmissionResult<string[]> } satisfies Reply, { status });
}

function failure(intent: string, target: string, submission: Submission<unknown>, error: unknown) {
  if (error instanceof AppError) return reply(intent, target, submission, error.status, [error.label]);
  throw error;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key, isAdmin } = await requireEvaluationManager(request, params.id);
  const formData = await request.formData();
  const back = `/department/scenarios/${key.id}/evaluation`;
  const intent = intentOf(formData);
  if (intent === "settings") {
    const submission = parseWithZod(formData, { schema: SettingsSchema });
    if (submission.status !== "success") return reply(intent, "", submission, 400);
    try {
      await updateEvaluationSettings(user, key, submission.value);
    } catch (error) {
      return failure(intent, "", submission, error);
    }
    return redirectWithToast(back, { kind: "success", message: "ea.toast.settings" });
  }
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: AssignSchema });
    const target = String(formData.get("evaluatorId") ?? "");
    if (submission.status !== "success") return reply(intent, target, submission, 400);
    try {
      await assignEvaluator(user, key, submission.value.evaluatorId);
    } catch (error) {
      return failure(intent, target, submission, error);
    }
    return redirectWithToast(back, { kind: "success", message: "ea.toast.assigned" });
  }
  if (intent === "override") {
    // Only a platform admin clears a conflict; officers never see this form and are refused here.
    if (!isAdmin) forbidden();
    const submission = parseWithZod(formData, { schema: OverrideSchema });
    const target = String(formData.get("declarationId") ?? "");
    if (submission.status !== "success") return reply(intent, target, submission, 400);
    try {
      await overrideConflict(user, key.id, submission.value.declarationId, submission.value.reason);
    } catch (error) {
      return failure(intent, target, submission, error);
    }
    return redirectWithToast(back, { kind: "success", message: "ea.toast.overridden" });
  }
  throw new Response("error.badRequest", { status: 400 });
}

export default function EvaluationAssignmentRoute() {
  const t = useT();
  const locale = useLocale();
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { scenario: s, staffing, proposals } = view;
  const blindLocked = view.assignments.length > 0;
  return (
    <>
      <p className="meta-row">
        {view.isAdmin ? <span>{t("ea.page.adminNote")}</span> : <Link to={`/department/scenarios/${s.id}`}>{t("common.back")}</Link>}
        <span className="scenario-code">{s.code}</span>
        <ScenarioStatusBadge status={s.status} />
        {s.blindReview ? <span className="badge">{t("ea.page.blind")}</span> : null}
      </p>
      <h1>{t("ea.page.title", { title: s.title })}</h1>

      <section className="card" aria-labelledby="staffing-title">
        <h2 id="staffing-title">{t("ea.staffing.title")}</h2>
        <p>
          <progress max={staffing.required} value={Math.min(staffing.covered, staffing.required)} aria-labelledby="staffing-text" />{" "}
          <strong id="staffing-text" data-testid="staffing">{t("ea.staffing.value", { covered: staffing.covered, required: staffing.required })}</strong>
          {" "}
          <span className={staffing.staffed ? "badge badge-published" : "badge badge-closed"}>{t(staffing.staffed ? "ea.staffing.ok" : "ea.staffing.short")}</span>
        </p>
        <p className="muted">{t("ea.staffing.rule", { n: staffing.required })}</p>
        <p className="muted">{t("ea.staffing.due", { date: formatDateTime(s.evaluationDueAt, locale) })}</p>
        {proposals.length === 0 ? <p className="muted">{t("ea.staffing.noProposals")}</p> : (
          <ul className="small">
            {proposals.map((p) => (
              <li key={p.id}>
                {t("ea.proposalLabel", { label: p.label })}：{p.orgName}
                {p.consortium.length > 0 ? <span className="muted">（{t("ea.consortium", { names: p.consortium.join("、") })}）</span> : null}
                {" · "}{t("ea.staffing.perProposal", { n: staffing.perProposal[p.id] ?? 0 })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.editable ? (
        <EvaluationSettingsForm dueAt={s.evaluationDueAt} blindReview={s.blindReview} blindLocked={blindLocked} lastResult={actionData} />
      ) : (
        <p className="status-banner" role="note">{t("ea.page.readOnly")}</p>
      )}
      <AssignmentTable assignments={view.assignments} isAdmin={view.isAdmin} lastResult={actionData} />
      {view.editable ? (
        <>
          <SuggestionList suggestions={view.suggestions} canAssign={view.canAssign} lastResult={actionData} />
          <ExcludedList excluded={view.excluded} />
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
