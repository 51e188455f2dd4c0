import { AwardRanking } from "~/components/award-ranking";
import { noticeEndText, noticeFirstDayText } from "~/modules/awards/notice-text";
import type { CriterionRow, RankingRow } from "~/modules/awards/award-queries.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

type Objection = { reference: string; createdAt: string | Date; status: "filed" | "answered" | "upheld" | "dismissed"; outcomeReason: string | null };
export type NoticeRoundData = {
  id: string; round: number; status: string; ranking: RankingRow[]; criteria: CriterionRow[]; evaluatorNames: string[]; note: string;
  noticeDays: number; noticeStartsAt: string | Date | null; noticeEndsAt: string | Date | null; finalisedAt: string | Date | null; withdrawnAt: string | Date | null;
  objections: Objection[];
};

/** One published round of a notice: winners, shortlist with scores, rubric, evaluators, dates, objections (never who filed). */
export function NoticeRound({ d, showEvaluators }: { d: NoticeRoundData; showEvaluators: boolean }) {
  const t = useT();
  const locale = useLocale();
  const winners = d.ranking.filter((r) => r.winner);
  return (
    <article className="card" aria-labelledby={`round-${d.id}`}>
      <h2 id={`round-${d.id}`}>{t("aw.round", { n: d.round })} · {t(`nc.status.${d.status}` as "nc.status.final")}</h2>
      {d.noticeStartsAt && d.noticeEndsAt ? (
        <ul className="plain-list">
          <li>{t("nc.publishedAt", { n: formatDateTime(d.noticeStartsAt, locale) })}</li>
          <li>{t("nc.period", { from: noticeFirstDayText(d.noticeStartsAt, locale), to: noticeEndText(d.noticeEndsAt, locale, t), n: d.noticeDays })}</li>
          {d.finalisedAt ? <li>{t("nc.finalisedAt", { n: formatDateTime(d.finalisedAt, locale) })}</li> : null}
        </ul>
      ) : null}
      {d.withdrawnAt ? <p className="status-banner" role="note">{t("nc.withdrawnAt", { n: formatDate(d.withdrawnAt, locale) })}</p> : null}
      <h3>{d.finalisedAt ? t("nc.winnersFinal") : t("nc.winners")}</h3>
      <ul data-testid="notice-winners">{winners.map((w) => <li key={w.proposalId}><strong>{w.orgName}</strong></li>)}</ul>
      <AwardRanking rows={d.ranking} caption={t("nc.shortlist")} finalised={!!d.finalisedAt} />
      {d.note ? <p><strong>{t("nc.note")}</strong>：{d.note}</p> : null}
      <h3>{t("nc.rubric")}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table className="summary-table">
          <thead><tr><th scope="col">{t("nc.col.criterion")}</th><th scope="col">{t("nc.col.weight")}</th><th scope="col">{t("nc.col.maxScore")}</th></tr></thead>
          <tbody>{d.criteria.map((c) => <tr key={c.name}><td>{c.name}</td><td>{c.weight}</td><td>{c.maxScore}</td></tr>)}</tbody>
        </table>
      </div>
      <h3>{t("nc.evaluators")}</h3>
      <p>{showEvaluators && d.evaluatorNames.length ? d.evaluatorNames.join("、") : t("nc.evaluatorsHidden")}</p>
      <h3>{t("nc.objections")}</h3>
      {d.objections.length === 0 ? <p>{t("nc.objectionsNone")}</p> : (
        <>
          <p>{t("nc.objectionsCount", { n: d.objections.length })}</p>
          <ul data-testid="notice-objections">
            {d.objections.map((o) => (
              <li key={o.reference}>
                {t("nc.objection.received", { ref: o.reference, date: formatDate(o.createdAt, locale), status: t(`nc.objection.${o.status}`) })}
                {o.outcomeReason ? <> — {o.outcomeReason}</> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
