import type { ReactNode } from "react";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export type AttachmentItem = { id: string; filename: string; size: number; createdAt: Date | string };

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Files of a scenario or proposal. Links go to /attachments/<id>, which checks access on every
 * request; there is no public file URL to share or guess.
 */
export function AttachmentList({ attachments, title, children }: { attachments: AttachmentItem[]; title?: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{title ?? t("att.title")}</h2>
      {attachments.length === 0 ? <p className="muted">{t("att.none")}</p> : (
        <ul className="plain-list attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`/attachments/${a.id}`} download={a.filename}>{a.filename}</a>
              <span className="muted small"> · {formatBytes(a.size)} · {formatDate(a.createdAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
