import type { Locale } from "~/utils/i18n";
import { formatDateTime, formatYuan } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { formatBytes } from "./attachment-list";
import { ProposalStatusBadge } from "./proposal-status-badge";
import type { ProposalStatus } from "~/generated/prisma/enums";

export type SubmittedProposalView = {
  id: string; status: ProposalStatus; org: { id: string; name: string };
  number: number; digest: string; submittedAt: string;
  technicalApproachHtml: string; team: string; relevantCases: string; budgetRequestYuan: number | null;
  milestones: { name: string; dueDate: string; deliverable: string; evidence: string }[];
  consortiumMembers: { name: string; role: string }[];
  attachments: { id: string; filename: string; size: number; sha256: string }[];
};

function Item({ p, locale }: { p: SubmittedProposalView; locale: Locale }) {
  const t = useT();
  return (
    <article className="card" aria-labelledby={`p-${p.id}`}>
      <h3 id={`p-${p.id}`}>{p.org.name} <ProposalStatusBadge status={p.status} /></h3>
      <p className="muted">#{p.number} · {formatDateTime(p.submittedAt, locale)} · SHA-256 <code>{p.digest}</code></p>
      <p><strong>{t("pr.dept.budget")}：</strong>{formatYuan(p.budgetRequestYuan, locale)}</p>
      <h4>{t("pr.f.technicalApproach")}</h4>
      {/* 已在服务器端渲染并按白名单净化。 Rendered and sanitised against an allow-list on the server. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: p.technicalApproachHtml }} />
      <h4>{t("pr.f.team")}</h4>
      <p className="pre-line">{p.team}</p>
      <h4>{t("pr.f.milestones")}</h4>
      <ul>{p.milestones.map((m) => <li key={`${m.name}-${m.dueDate}`}>{m.name} · {m.dueDate} · {m.deliverable} · {m.evidence}</li>)}</ul>
      {p.relevantCases ? <><h4>{t("pr.f.relevantCases")}</h4><p className="pre-line">{p.relevantCases}</p></> : null}
      <h4>{t("att.title")}</h4>
      {/* 回执覆盖的文件；每次下载都在服务器上检查封存规则。 The files the receipt covers; each download re-checks sealing. */}
      {p.attachments.length === 0 ? <p className="muted">{t("att.none")}</p> : (
        <ul className="plain-list attachment-list">
          {p.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/attachments/${a.id}`} download={a.filename}>{a.filename}</a>
              <span className="muted small"> · {formatBytes(a.size)} · SHA-256 <code>{a.sha256}</code></span>
            </li>
          ))}
        </ul>
      )}
      {p.consortiumMembers.length > 0 ? (
        <><h4>{t("pr.dept.consortium")}</h4><ul>{p.consortiumMembers.map((m) => <li key={m.name}>{m.name}（{m.role}）</li>)}</ul></>
      ) : null}
    </article>
  );
}

export function ProposalSubmittedList({ proposals }: { proposals: SubmittedProposalView[] }) {
  const t = useT();
  const locale = useLocale();
  if (proposals.length === 0) return <p className="muted">{t("pr.dept.empty")}</p>;
  return <>{proposals.map((p) => <Item key={p.id} p={p} locale={locale} />)}</>;
}
