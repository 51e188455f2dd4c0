import type { EvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";

/** Each evaluator's progress: sheets submitted of those expected (recusals excluded), drafts, due date, overdue. */
export function EvaluationSummaryProgress({ progress }: { progress: EvaluationSummary["progress"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("es.sum.progressTitle")}</h2>
      {progress.length === 0 ? <p className="muted">{t("es.sum.noEvaluators")}</p> : (
        <div className="table-wrap" tabIndex={0}>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t("es.sum.evaluator")}</th>
                <th scope="col">{t("es.sum.assignment")}</th>
                <th scope="col" className="num">{t("es.sum.progress")}</th>
                <th scope="col" className="num">{t("es.sum.drafts")}</th>
                <th scope="col" className="num">{t("es.sum.conflicts")}</th>
                <th scope="col">{t("es.sum.dueAt")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((p) => (
                <tr key={p.assignmentId} data-testid={`progress-${p.evaluatorId}`}>
                  <th scope="row">{p.evaluatorName}</th>
                  <td>{t(`es.assignment.${p.status}` as MessageKey)}</td>
                  <td className="num">{p.submitted} / {p.expected}</td>
                  <td className="num">{p.drafts}</td>
                  <td className="num">{p.conflicts}</td>
                  <td>
                    <time dateTime={p.dueAt}>{formatDateTime(p.dueAt, locale)}</time>
                    {p.overdue ? <> <span className="badge badge-cancelled">{t("es.sum.overdue")}</span></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
