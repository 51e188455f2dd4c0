import { Link } from "@remix-run/react";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { ScenarioStatusBadge } from "./scenario-badges";

type Row = { id: string; code: string; title: string; status: string; department: string; evaluationDueAt: string | null; evaluators: number };

/** On the admin home: scenarios that can take evaluators now, with a link to assign them. */
export function AdminEvaluationList({ rows }: { rows: Row[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="admin-eval-title">
      <h2 id="admin-eval-title">{t("ea.admin.title")}</h2>
      {rows.length === 0 ? <p className="muted">{t("ea.admin.empty")}</p> : (
        <ul className="match-list">
          {rows.map((r) => (
            <li key={r.id} className="match-item">
              <div className="meta-row">
                <span className="scenario-code">{r.code}</span>
                <ScenarioStatusBadge status={r.status} />
                <span>{r.department}</span>
                <span>{t("ea.staffing.due", { date: formatDateTime(r.evaluationDueAt, locale) })}</span>
                <span>{t("ea.admin.evaluators", { n: r.evaluators })}</span>
              </div>
              <Link to={`/department/scenarios/${r.id}/evaluation`}>{r.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
