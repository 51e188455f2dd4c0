import { Link } from "@remix-run/react";
import type { WorkspaceItem } from "~/modules/evaluation/assignment-queries.server";
import { countdown, formatDateTime } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { ASSIGNMENT_STATUS_KEYS } from "./evaluation-assignment-table";

/** One group of the evaluator's workspace (to accept / in progress / done). */
export function WorkspaceGroup({ id, title, empty, items, now }: { id: string; title: MessageKey; empty: MessageKey; items: WorkspaceItem[]; now: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={`group-${id}`}>
      <h2 id={`${id}-title`}>{t(title)} <span className="muted small">({items.length})</span></h2>
      {items.length === 0 ? <p className="muted">{t(empty)}</p> : (
        <ul className="match-list">
          {items.map((a) => {
            const title = locale === "en" && a.scenario.titleEn ? a.scenario.titleEn : a.scenario.title;
            const overdue = new Date(a.dueAt).getTime() <= new Date(now).getTime();
            return (
              <li key={a.id} className="match-item">
                <div className="meta-row">
                  <span className="scenario-code">{a.scenario.code}</span>
                  <span className={`badge badge-assignment-${a.status}`}>{t(ASSIGNMENT_STATUS_KEYS[a.status] ?? "ea.status.invited")}</span>
                  <span>{t("ea.ws.due", { date: formatDateTime(a.dueAt, locale) })}</span>
                  {a.status === "invited" || a.status === "accepted" ? (
                    <span className={overdue ? "badge badge-cancelled" : "badge"}>{overdue ? t("ea.ws.overdue") : countdown(a.dueAt, new Date(now), locale)}</span>
                  ) : null}
                </div>
                <h3><Link to={`/evaluator/assignments/${a.id}`}>{title}</Link></h3>
                {a.status === "accepted" ? (
                  <p className="small">{t("ea.ws.progress", {
                    declared: a.progress.total - a.progress.undeclared, total: a.progress.total, submitted: a.progress.submitted, toScore: a.progress.toScore,
                  })}</p>
                ) : null}
                <p className="actions">
                  <Link to={`/evaluator/assignments/${a.id}`} className="btn btn-secondary">
                    {t(a.status === "invited" ? "ea.ws.respond" : a.status === "accepted" && a.progress.undeclared > 0 ? "ea.ws.declare" : "ea.ws.open")}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
