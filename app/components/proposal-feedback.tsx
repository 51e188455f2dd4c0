import type { ProposalFeedback } from "~/modules/awards/feedback.server";
import { useT } from "~/utils/i18n";

// Means carry two decimals at most; a criterion nobody scored shows a dash.
const fmt = (n: number | null) => (n == null ? "—" : String(Math.round(n * 100) / 100));

/**
 * 未中选反馈 on the vendor's own proposal page, once the award is final (feedback.server.ts
 * `ownFeedback` decides when and for whom): the overall score and rank, the score per criterion
 * against the average of all scored proposals, and the evaluators' justifications numbered, never named.
 */
export function ProposalFeedbackSection({ feedback }: { feedback: ProposalFeedback & { shortlisted: boolean } }) {
  const t = useT();
  return (
    <section aria-labelledby="feedback-title" className="card">
      <h2 id="feedback-title">{t("aw.fb.title")}</h2>
      <p>{t(feedback.shortlisted ? "aw.fb.introShortlisted" : "aw.fb.intro")}</p>
      {feedback.score != null ? <p>{t("aw.fb.score", { score: fmt(feedback.score) })}</p> : null}
      {feedback.rank != null ? <p>{t("aw.fb.rankOf", { rank: feedback.rank, of: feedback.of })}</p> : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="summary-table">
          <caption>{t("aw.fb.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("aw.fb.criterion")}</th>
              <th scope="col" className="num">{t("aw.fb.own")}</th>
              <th scope="col" className="num">{t("aw.fb.average")}</th>
              <th scope="col" className="num">{t("aw.fb.max")}</th>
            </tr>
          </thead>
          <tbody>
            {feedback.criteria.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td className="num">{fmt(c.own)}</td>
                <td className="num">{fmt(c.average)}</td>
                <td className="num">{fmt(c.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("aw.fb.justifications")}</h3>
      {feedback.justifications.length ? (
        <ul>
          {feedback.justifications.map((j, i) => <li key={i}>{t("aw.fb.line", { n: j.evaluator, criterion: j.criterion, text: j.text })}</li>)}
        </ul>
      ) : <p>{t("aw.fb.noJustifications")}</p>}
    </section>
  );
}
