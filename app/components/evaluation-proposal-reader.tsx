import { formatBytes } from "~/components/attachment-list";
import type { EvaluatorProposalPage } from "~/modules/evaluation/evaluator-proposal.server";
import { formatDateTime, formatYuan } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

type Props = { page: Pick<EvaluatorProposalPage, "proposal" | "attachments" | "assignment"> };

/**
 * The proposal as an evaluator reads it: what the query selected, nothing more. In blind review the
 * data carries no organisation, consortium names or file names, so there is nothing here to hide.
 */
export function EvaluationProposalReader({ page }: Props) {
  const t = useT();
  const locale = useLocale();
  const { proposal: p, attachments, assignment } = page;
  const text = (value: string) => (value.trim() ? <p className="pre-line">{value}</p> : <p className="muted">{t("es.empty")}</p>);
  return (
    <article className="card proposal-reader" aria-labelledby="proposal-title">
      <h2 id="proposal-title">{t("es.label", { n: p.label })}</h2>
      {p.identity ? (
        <dl className="facts">
          <dt>{t("es.org")}</dt><dd data-testid="proposal-org">{p.identity.orgName}</dd>
          <dt>{t("es.submittedAt")}</dt><dd>{formatDateTime(p.identity.submittedAt, locale)}</dd>
        </dl>
      ) : null}
      <h3>{t("es.section.approach")}</h3>
      {/* Rendered and sanitised against an allow-list on the server. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: p.technicalApproachHtml }} />
      <h3>{t("es.section.team")}</h3>
      {text(p.team)}
      <h3>{t("es.section.budget")}</h3>
      <p>{formatYuan(p.budgetRequestYuan, locale)}</p>
      <h3>{t("es.section.milestones")}</h3>
      {p.milestones.length === 0 ? <p className="muted">{t("es.empty")}</p> : (
        <ol>{p.milestones.map((m, i) => <li key={i}>{m.name} · {m.dueDate} · {m.deliverable} · {m.evidence}</li>)}</ol>
      )}
      <h3>{t("es.section.cases")}</h3>
      {text(p.relevantCases)}
      {p.consortium.length > 0 ? (
        <>
          <h3>{t("es.section.consortium")}</h3>
          <ul>{p.consortium.map((m, i) => <li key={i}>{m.name ?? t("es.consortiumMember", { n: i + 1 })}（{m.role}）</li>)}</ul>
        </>
      ) : null}
      <h3>{t("es.section.attachments")}</h3>
      {attachments.length === 0 ? <p className="muted">{t("es.noAttachments")}</p> : (
        <ul className="plain-list attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`/evaluator/assignments/${assignment.id}/files/${a.id}`} download={a.name}>{a.name}</a>
              <span className="muted small"> · {formatBytes(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
