import type { ReactNode } from "react";
import { formatBytes } from "~/components/attachment-list";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export type ObjectionThreadData = {
  id: string; reference: string; status: "filed" | "answered" | "upheld" | "dismissed"; grounds: string;
  answer: string | null; outcomeReason: string | null; createdAt: string | Date;
  attachments: { id: string; filename: string; size: number }[];
};

/** One objection's thread: grounds and evidence, the department's answer, the platform's outcome. */
export function ObjectionThread({ o, heading, children }: { o: ObjectionThreadData; heading?: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="card" aria-labelledby={`ob-${o.id}`} data-testid="objection">
      <h3 id={`ob-${o.id}`}>{heading ?? o.reference} · {formatDateTime(o.createdAt, locale)}</h3>
      <p>{t("ob.status", { n: t(`nc.objection.${o.status}`) })}</p>
      <p className="prewrap">{o.grounds}</p>
      {o.attachments.length ? (
        <>
          <h4>{t("ob.evidence")}</h4>
          <ul className="plain-list">{o.attachments.map((a) => <li key={a.id}><a href={`/attachments/${a.id}`} download={a.filename}>{a.filename}</a> ({formatBytes(a.size)})</li>)}</ul>
        </>
      ) : null}
      {o.answer ? <><h4>{t("ob.answer")}</h4><p className="prewrap">{o.answer}</p></> : null}
      {o.outcomeReason ? <><h4>{t("ob.outcome")}：{t(`nc.objection.${o.status}`)}</h4><p className="prewrap">{o.outcomeReason}</p></> : null}
      {children}
    </article>
  );
}
