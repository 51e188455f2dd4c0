import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MilestoneStatusBadge } from "./delivery-status";

type Milestone = {
  id: string; position: number; name: string; deliverable: string; acceptanceEvidence: string; dueAt: string | Date; status: string;
  evidenceText?: string; submissions?: number; submittedAt?: string | Date | null; returnReason?: string | null; acceptNote?: string | null;
  files?: { id: string; filename: string }[];
};
type Team = { proposalId: string; orgName: string; eliminated: boolean; milestones: Milestone[] };

/**
 * The delivery plan as a timeline, one list per team. The same markup for the department, the team
 * and the public; what each may see is decided by the loader (the public one has no evidence), and
 * `actions` adds the forms of whoever may act on a milestone.
 */
export function DeliveryPlan({ teams, actions, showTeamNames = true }: { teams: Team[]; actions?: (m: Milestone, team: Team) => ReactNode; showTeamNames?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {teams.map((team) => (
        <section key={team.proposalId} className="delivery-team" aria-label={team.orgName}>
          {showTeamNames ? (
            <h3>{team.orgName} {team.eliminated ? <span className="badge badge-cancelled">{t("dl.team.eliminated")}</span> : null}</h3>
          ) : null}
          <ol className="timeline">
            {team.milestones.map((m) => (
              <li key={m.id} id={`m-${m.id}`} className={`timeline-item milestone-${m.status}`}>
                <h4>{m.position}. {m.name} <MilestoneStatusBadge status={m.status} /></h4>
                <p className="meta-row">{t("dl.m.due")}：<time dateTime={new Date(m.dueAt).toISOString()}>{formatDate(m.dueAt, locale)}</time></p>
                {m.deliverable ? <p>{t("dl.m.deliverable")}：{m.deliverable}</p> : null}
                {m.acceptanceEvidence ? <p>{t("dl.m.acceptance")}：{m.acceptanceEvidence}</p> : null}
                {m.evidenceText ? (
                  <div className="evidence">
                    <p><strong>{t("dl.m.evidence")}</strong>（{t("dl.m.round", { n: m.submissions ?? 1 })}{m.submittedAt ? ` · ${formatDateTime(m.submittedAt, locale)}` : ""}）</p>
                    <p className="prewrap">{m.evidenceText}</p>
                    {m.files?.length ? (
                      <ul className="file-list">
                        {m.files.map((f) => <li key={f.id}><a href={`/attachments/${f.id}`}>{f.filename}</a></li>)}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                {m.returnReason ? <p className="notice notice-warn">{t("dl.m.returnReason")}：{m.returnReason}</p> : null}
                {m.acceptNote ? <p>{t("dl.m.acceptNote")}：{m.acceptNote}</p> : null}
                {actions?.(m, team)}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

type Gate = {
  id: string; position: number; name: string; dueAt: string | Date; metrics: string[]; continuing: number; decidedAt: string | Date | null;
  outcomes: { proposalId: string; orgName: string; continues: boolean; reason: string }[];
};

/** The horse race's gates and, once decided, who continues and why (public). */
export function GateList({ gates, children }: { gates: Gate[]; children?: (gate: Gate) => ReactNode }) {
  const t = useT();
  const locale = useLocale();
  if (gates.length === 0) return <p>{t("dl.gate.none")}</p>;
  return (
    <ol className="timeline gates">
      {gates.map((g) => (
        <li key={g.id} id={`gate-${g.id}`} className="timeline-item">
          <h4>{t("dl.gate.heading", { n: g.position, name: g.name })}</h4>
          <p className="meta-row">
            {t("dl.gate.date")}：{formatDate(g.dueAt, locale)} · {t("dl.gate.continuingN", { n: g.continuing })}
          </p>
          <p>{t("dl.gate.metrics")}：{g.metrics.join("；")}</p>
          {g.decidedAt ? (
            <>
              <p>{t("dl.gate.decidedAt")}：{formatDate(g.decidedAt, locale)}</p>
              <table className="table">
                <thead><tr><th scope="col">{t("dl.gate.team")}</th><th scope="col">{t("dl.gate.result")}</th><th scope="col">{t("dl.gate.reason")}</th></tr></thead>
                <tbody>
                  {g.outcomes.map((o) => (
                    <tr key={o.proposalId}>
                      <td>{o.orgName}</td>
                      <td>{t(o.continues ? "dl.gate.continues" : "dl.gate.stops")}</td>
                      <td>{o.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : <p>{t("dl.gate.pending")}</p>}
          {children?.(g)}
        </li>
      ))}
    </ol>
  );
}
