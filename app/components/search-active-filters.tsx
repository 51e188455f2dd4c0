import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** An active filter with the link that drops it: `text` on the chip ("医疗健康"), `removeText` on the link's name. */
export type RemovableFilter = { key: string; text: string; removeText: string; href: string };

/** The active filters as chips; each chip is a link to the same search without it. */
export function ActiveFilterChips({ filters, clearHref }: { filters: RemovableFilter[]; clearHref: string }) {
  const t = useT();
  if (filters.length === 0) return null;
  return (
    <div className="search-chips">
      <span className="muted small">{t("search.active")}</span>
      <ul aria-label={t("search.active")}>
        {filters.map((f) => (
          <li key={f.key}>
            <Link to={f.href} className="chip" aria-label={f.removeText} preventScrollReset>
              {f.text} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      {filters.length > 1 ? <Link to={clearHref} className="small">{t("search.clearAll")}</Link> : null}
    </div>
  );
}

/** No results: say so and offer to drop each filter in turn (or all of them). */
export function EmptyResults({ filters, clearHref, extra }: { filters: RemovableFilter[]; clearHref: string; extra?: React.ReactNode }) {
  const t = useT();
  return (
    <section className="card search-empty" aria-labelledby="search-empty-title">
      <p id="search-empty-title"><strong>{t("search.empty")}</strong></p>
      {filters.length > 0 || extra ? (
        <>
          <p className="muted">{t("search.emptyHint")}</p>
          <ul>
            {filters.map((f) => <li key={f.key}><Link to={f.href}>{f.removeText}</Link></li>)}
            {extra ? <li>{extra}</li> : null}
            {filters.length > 1 ? <li><Link to={clearHref}>{t("search.clearAll")}</Link></li> : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The degraded-mode notice: search answered from the database, without ranking or (some) counts. */
export function DegradedNotice({ partialCounts }: { partialCounts: boolean }) {
  const t = useT();
  return (
    <p className="status-banner search-degraded" role="status">
      {t("search.degraded")}
      {partialCounts ? <> {t("search.degradedCounts")}</> : null}
    </p>
  );
}
