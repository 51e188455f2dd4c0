import { useT } from "~/utils/i18n";

type Row = { proposalId: string; orgName: string; rank: number | null; score: number | null; winner?: boolean; status?: string };

const fmt = (n: number | null) => (n == null ? "—" : n.toFixed(2));

/**
 * The ranking as a table. With `choose`, each scored row has a checkbox named winnerIds (the award
 * form works without JavaScript); otherwise the result column says who is proposed.
 */
export function AwardRanking({ rows, choose, checked = [], caption, finalised = false }: {
  rows: Row[]; choose?: boolean; checked?: string[]; caption: string; finalised?: boolean;
}) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0}>
    <table className="summary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {choose ? <th scope="col">{t("aw.col.choose")}</th> : null}
          <th scope="col">{t("aw.col.rank")}</th>
          <th scope="col">{t("aw.col.org")}</th>
          <th scope="col">{t("aw.col.score")}</th>
          {!choose ? <th scope="col">{t("aw.col.result")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.proposalId}>
            {choose ? (
              <td>
                {r.score != null ? (
                  <input type="checkbox" name="winnerIds" value={r.proposalId} defaultChecked={checked.includes(r.proposalId)} aria-label={r.orgName} />
                ) : null}
              </td>
            ) : null}
            <td>{r.rank ?? "—"}</td>
            <td>{r.orgName}</td>
            <td>{fmt(r.score)}</td>
            {!choose ? <td>{r.winner ? <strong>{t(finalised ? "aw.awarded" : "aw.winner")}</strong> : t("aw.reserve")}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
