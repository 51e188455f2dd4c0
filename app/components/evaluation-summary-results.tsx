import type { SubmissionResult } from "@conform-to/react";
import { ScoreReopenForm } from "~/components/score-reopen-form";
import type { EvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { useT, type MessageKey } from "~/utils/i18n";

type Props = {
  summary: Pick<EvaluationSummary, "criteria" | "results">;
  /** Officers of the department may reopen a submitted sheet while scoring is open. */
  canReopen: boolean;
  reopenResult?: { sheetId: string; result: SubmissionResult<string[]> };
};

function SpreadFlags({ result, criteria }: { result: EvaluationSummary["results"][number]; criteria: EvaluationSummary["criteria"] }) {
  const t = useT();
  const names = criteria.filter((c) => result.spread.criteria.includes(c.id)).map((c) => c.name);
  if (!result.spread.total && names.length === 0) return <span className="muted">{t("es.sum.noSpread")}</span>;
  return (
    <span className="flag">
      {result.spread.total ? t("es.sum.spreadTotal") : null}
      {result.spread.total && names.length ? "；" : null}
      {names.length ? t("es.sum.spreadCriteria", { n: names.join("、") }) : null}
    </span>
  );
}

/** The ranking, then per proposal its mean per criterion and every evaluator's scores and total. */
export function EvaluationSummaryResults({ summary, canReopen, reopenResult }: Props) {
  const t = useT();
  const { criteria, results } = summary;
  if (results.length === 0) return <p className="muted">{t("es.sum.noProposals")}</p>;
  return (
    <>
      <section className="card" aria-labelledby="results-title">
        <h2 id="results-title">{t("es.sum.resultsTitle")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="summary-table" data-testid="ranking">
            <thead>
              <tr>
                <th scope="col" className="num">{t("es.sum.rank")}</th>
                <th scope="col">{t("es.sum.proposal")}</th>
                <th scope="col">{t("es.sum.org")}</th>
                <th scope="col" className="num">{t("es.sum.score")}</th>
                <th scope="col">{t("es.sum.method")}</th>
                <th scope="col" className="num">{t("es.sum.sheets")}</th>
                <th scope="col">{t("es.sum.spread")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.proposalId} data-testid={`result-${r.proposalId}`}>
                  <td className="num">{r.rank ?? "—"}</td>
                  <td><a href={`#proposal-${r.proposalId}`}>{t("es.label", { n: r.label })}</a></td>
                  <td>{r.orgName}</td>
                  <td className="num" data-testid="score">{r.score ?? "—"}</td>
                  <td>{t(`es.sum.method.${r.method}` as MessageKey)}</td>
                  <td className="num">{r.sheets.length}</td>
                  <td><SpreadFlags result={r} criteria={criteria} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {results.map((r) => (
        <section key={r.proposalId} className="card" id={`proposal-${r.proposalId}`} aria-labelledby={`proposal-${r.proposalId}-title`}>
          <h2 id={`proposal-${r.proposalId}-title`}>{t("es.label", { n: r.label })} · {r.orgName}</h2>
          <div className="table-wrap" tabIndex={0}>
            <table className="summary-table">
              <caption>{t("es.sum.perEvaluator")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("es.sum.evaluator")}</th>
                  {criteria.map((c) => <th key={c.id} scope="col" className="num">{c.name}<br /><span className="muted small">{t("es.form.weight", { n: c.weight })} · {t("es.form.max", { n: c.maxScore })}</span></th>)}
                  <th scope="col" className="num">{t("es.sum.total")}</th>
                  {canReopen ? <th scope="col">{t("es.sum.reopen")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {r.sheets.map((s) => (
                  <tr key={s.sheetId}>
                    <th scope="row">{s.evaluatorName}</th>
                    {criteria.map((c) => {
                      const score = s.scores.find((x) => x.criterionId === c.id);
                      return <td key={c.id} className="num" title={score?.justification}>{score?.value ?? "—"}</td>;
                    })}
                    <td className="num">{s.total}</td>
                    {canReopen ? <td><ScoreReopenForm sheetId={s.sheetId} lastResult={reopenResult?.sheetId === s.sheetId ? reopenResult.result : undefined} /></td> : null}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("es.sum.criterionMeans")}</th>
                  {r.criterionMeans.map((m) => <td key={m.criterionId} className="num">{m.mean ?? "—"}</td>)}
                  <td className="num"><strong>{r.score ?? "—"}</strong></td>
                  {canReopen ? <td /> : null}
                </tr>
              </tfoot>
            </table>
          </div>
          {r.sheets.some((s) => s.comment || s.scores.some((x) => x.justification)) ? (
            <details>
              <summary>{t("es.sum.justification")}</summary>
              {r.sheets.map((s) => (
                <div key={s.sheetId}>
                  <h3>{s.evaluatorName}</h3>
                  <dl className="facts">
                    {criteria.map((c) => (
                      <div key={c.id} style={{ display: "contents" }}>
                        <dt>{c.name}</dt>
                        <dd className="pre-line">{s.scores.find((x) => x.criterionId === c.id)?.justification ?? "—"}</dd>
                      </div>
                    ))}
                    {s.comment ? <><dt>{t("es.sum.comment")}</dt><dd className="pre-line">{s.comment}</dd></> : null}
                  </dl>
                </div>
              ))}
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}
