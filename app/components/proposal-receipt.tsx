import type { VendorProposalPage } from "~/modules/proposals/proposal-queries.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

type Submission = NonNullable<VendorProposalPage["proposal"]>["submissions"][number];

/** 最新一次递交的回执（服务器时间、摘要、序号）与历次递交。 The latest receipt and the history. */
export function ProposalReceipt({ submissions }: { submissions: Submission[] }) {
  const t = useT();
  const locale = useLocale();
  const [latest, ...older] = submissions;
  if (!latest) return null;
  return (
    <section className="card receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t("pr.receipt.title")}</h2>
      <dl>
        <dt>{t("pr.receipt.number")}</dt>
        <dd data-testid="receipt-number">{latest.number}</dd>
        <dt>{t("pr.receipt.time")}</dt>
        <dd><time dateTime={latest.submittedAt}>{formatDateTime(latest.submittedAt, locale)}</time> ({latest.submittedAt})</dd>
        <dt>{t("pr.receipt.digest")}</dt>
        <dd><code data-testid="receipt-digest" className="digest">{latest.digest}</code></dd>
      </dl>
      <p className="muted">{t("pr.receipt.covers")}</p>
      <p className="muted">{t("pr.receipt.mailed")}</p>
      {older.length > 0 ? (
        <details>
          <summary>{t("pr.receipt.history")}</summary>
          <ul>
            {older.map((s) => (
              <li key={s.id}>#{s.number} · {formatDateTime(s.submittedAt, locale)} · <code>{s.digest}</code></li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
