import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";

// The facets of a search page. On a phone they fold into a <details> ("筛选 · 2") above the results,
// so the first result is on the first screen and the filters open without JavaScript; on a desktop
// the stylesheet keeps the content shown and hides the summary (no layout shift when scripts load).
// The panel opens by itself when the URL carries no results to show, e.g. after an empty search.
export function SearchFilterPanel({ active, open, children }: { active: number; open?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <details className="filter-panel" open={open || undefined}>
      <summary>
        {t("search.facets")}
        {active > 0 ? <span className="filter-count">{t("search.activeCount", { n: active })}</span> : null}
      </summary>
      <div className="search-facets" role="group" aria-label={t("search.facets")}>
        {children}
        <button type="submit" className="btn btn-secondary">{t("search.apply")}</button>
      </div>
    </details>
  );
}
