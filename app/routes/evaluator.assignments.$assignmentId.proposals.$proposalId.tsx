import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationProposalReader } from "~/components/evaluation-proposal-reader";
import { ScoreSheetForm } from "~/components/score-sheet-form";
import { listCriteria } from "~/modules/evaluation/criteria.server";
import { findEvaluatorGrant } from "~/modules/evaluation/evaluation-access.server";
import { getEvaluatorProposalPage } from "~/modules/evaluation/evaluator-proposal.server";
import { scoreSheetSchema } from "~/modules/evaluation/score-schema";
import { isScoringOpen, isSheetEditable } from "~/modules/evaluation/score-sheet-status";
import { saveSheet, submitSheet } from "~/modules/evaluation/score-sheet.server";
import { invariantResponse } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `评审 ${data.scenario.code} 申报 ${data.proposal.label} · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

// 评审专家的阅读与评分页：只能经由本人已接受的任务、声明无利益冲突之后到达；否则 404，且什么都不改变。
// 盲评时申报方身份在查询中就不被选取（evaluator-proposal.server.ts）。
// The evaluator's reading and scoring page: reached only through their own accepted assignment after
// declaring no conflict; otherwise 404 and nothing changes. Blind review removes identity in the query.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  const page = await getEvaluatorProposalPage(user.id, params.assignmentId ?? "", params.proposalId ?? "");
  invariantResponse(page, 404);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  const key = { assignmentId: params.assignmentId ?? "", proposalId: params.proposalId ?? "" };
  const grant = await findEvaluatorGrant(user.id, key.assignmentId, key.proposalId);
  invariantResponse(grant, 404);
  const submission = parseWithZod(await request.formData(), { schema: scoreSheetSchema(await listCriteria(grant.scenarioId)) });
  if (submission.status !== "success") return invalid(submission);
  const { intent, version, ...input } = submission.value;
  const actor = { id: user.id, context: user.context };
  const back = new URL(request.url).pathname;
  try {
    if (intent === "submit") {
      await submitSheet(actor, key, version, input);
      return redirectWithToast(back, { kind: "success", message: "es.toast.submitted" });
    }
    const saved = await saveSheet(actor, key, version, input, { autosave: intent === "autosave" });
    if (intent === "autosave") return data({ ok: true as const, version: saved.version, savedAt: new Date().toISOString() });
  } catch (error) {
    // A locked sheet (409), a lost race (409) or an incomplete submission (422): the form comes back with what was typed.
    return fromAppError(error, submission);
  }
  return redirectWithToast(back, { kind: "success", message: "es.toast.saved" });
}

export default function EvaluatorProposalRoute() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const { scenario: s, proposal: p, sheet, criteria, proposals, assignment } = page;
  const open = isScoringOpen(s.status);
  const editable = open && (!sheet || isSheetEditable(sheet.status));
  return (
    <>
      <p className="meta-row">
        <Link to="/evaluator">{t("es.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        <span>{t("es.due")}<time dateTime={assignment.dueAt}>{formatDateTime(assignment.dueAt, locale)}</time></span>
      </p>
      <h1>{t("es.page.title", { n: p.label })} · {locale === "en" && s.titleEn ? s.titleEn : s.title}</h1>
      {s.blindReview ? <p className="status-banner" role="note">{t("es.blindNote")}</p> : null}
      {sheet?.status === "submitted" ? <p className="status-banner" role="note">{t("es.banner.submitted", { n: formatDateTime(sheet.submittedAt, locale) })}</p> : null}
      {sheet?.status === "draft" && sheet.reopenReason ? <p className="status-banner" role="note">{t("es.banner.reopened", { n: sheet.reopenReason })}</p> : null}
      {!open ? <p className="status-banner" role="note">{t("es.banner.closed")}</p> : null}

      <nav aria-label={t("es.nav.title")} className="tabs">
        {proposals.map((x) => (
          <Link key={x.proposalId} to={`/evaluator/assignments/${assignment.id}/proposals/${x.proposalId}`} aria-current={x.proposalId === p.id ? "page" : undefined}>
            {t("es.label", { n: x.label })} · {t(`es.sheet.${x.sheetStatus ?? "none"}` as MessageKey)}
          </Link>
        ))}
      </nav>

      {/* On a phone the form follows the proposal; this link takes the evaluator straight to it. */}
      <p className="phone-only"><a href="#score-pane" className="btn btn-secondary">{t("es.jumpToForm")}</a></p>
      <div className="reading-layout">
        <EvaluationProposalReader page={page} />
        <section className="card score-pane" id="score-pane" tabIndex={-1} aria-label={t("es.jumpToForm")}>
          <p className="muted small">{t("es.ownOnly")}</p>
          <ScoreSheetForm key={p.id} criteria={criteria} sheet={sheet} lastResult={result} editable={editable} />
        </section>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
