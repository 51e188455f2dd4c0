import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationSummaryProgress } from "~/components/evaluation-summary-progress";
import { EvaluationSummaryResults } from "~/components/evaluation-summary-results";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { SPREAD_CRITERION, SPREAD_TOTAL, TRIM_FROM } from "~/modules/evaluation/aggregate";
import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { reopenSchema } from "~/modules/evaluation/score-schema";
import { isScoringOpen } from "~/modules/evaluation/score-sheet-status";
import { reopenSheet } from "~/modules/evaluation/score-sheet.server";
import { requireSummaryReader } from "~/modules/evaluation/summary-guard.server";
import { AppError } from "~/utils/errors.server";
import { useT } from "~/utils/i18n";
import { forbidden } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.summary.scenario.code} 评审汇总 · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

// 发榜部门（及平台管理员）的评审汇总：排名、各项平均分、各专家得分、分歧标记、进度与下载。
// 所有数字来自 aggregate.ts；规则常量也从那里读出并写在页面上。退回评分表只有本部门工作人员可以操作。
// The department's (and admins') evaluation summary. Every number comes from aggregate.ts, and so do
// the rule constants stated on the page. Only the department's officers reopen a sheet.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref, officer } = await requireSummaryReader(request, params.id);
  const summary = await getEvaluationSummary(ref.id);
  return {
    summary,
    canReopen: officer && isScoringOpen(summary.scenario.status),
    rules: { trimFrom: TRIM_FROM, spreadTotal: SPREAD_TOTAL, spreadCriterionPct: Math.round(SPREAD_CRITERION * 100) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ref, officer } = await requireSummaryReader(request, params.id);
  if (!officer) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: reopenSchema });
  const sheetId = String(submission.payload.sheetId ?? "");
  if (submission.status !== "success") return data({ sheetId, result: submission.reply() }, { status: 400 });
  try {
    await reopenSheet(user, submission.value.sheetId, submission.value.reason);
  } catch (error) {
    if (error instanceof AppError) return data({ sheetId, result: submission.reply({ formErrors: [error.label] }) }, { status: error.status });
    throw error;
  }
  return redirectWithToast(`/department/scenarios/${ref.id}/evaluation/summary`, { kind: "success", message: "es.toast.reopened" });
}

export default function EvaluationSummaryRoute() {
  const t = useT();
  const { summary, canReopen, rules } = useLoaderData<typeof loader>();
  const reopenResult = useActionData<typeof action>();
  const s = summary.scenario;
  const started = summary.criteria.length > 0;
  const base = `/department/scenarios/${s.id}/evaluation/summary`;
  return (
    <>
      <p className="meta-row">
        <Link to={`/department/scenarios/${s.id}`}>{t("es.sum.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        <ScenarioStatusBadge status={s.status} />
      </p>
      <h1>{t("es.sum.title", { n: s.title })}</h1>
      {s.blindReview ? <p className="status-banner" role="note">{t("es.sum.blind")}</p> : null}
      {!started ? <p className="status-banner" role="note">{t("es.sum.notStarted")}</p> : (
        <p className="status-banner" role="status" data-testid="readiness">
          {summary.ready ? t("es.sum.ready") : t("es.sum.notReady", { n: `${summary.totals.submitted} / ${summary.totals.expected}` })}
        </p>
      )}

      {started ? (
        <>
          <section className="card" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t("es.sum.downloads")}</h2>
            <div className="actions">
              <a className="btn btn-secondary" href={`${base}.xlsx`} download>{t("es.sum.xlsx")}</a>
              <a className="btn btn-secondary" href={`${base}.csv`} download>{t("es.sum.csv")}</a>
            </div>
          </section>
          <EvaluationSummaryResults summary={summary} canReopen={canReopen} reopenResult={reopenResult} />
          <EvaluationSummaryProgress progress={summary.progress} />
          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{t("es.sum.rulesTitle")}</h2>
            <ul>
              <li>{t("es.sum.rule.total")}</li>
              <li>{t("es.sum.rule.method", { n: rules.trimFrom })}</li>
              <li>{t("es.sum.rule.spread", { total: rules.spreadTotal, pct: rules.spreadCriterionPct })}</li>
              <li>{t("es.sum.rule.tie")}</li>
              <li>{t("es.sum.rule.counted")}</li>
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
