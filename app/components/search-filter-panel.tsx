import type { ReactNode } from "react";
import { useLocation } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { unfoldedFacets } from "./search-facets";

// The facets of a search page. On a phone they fold into a <details> ("筛选 · 2") above the results,
// so the first result is on the first screen and the filters open without JavaScript; on a desktop
// the stylesheet keeps the content shown and hides the summary (no layout shift when scripts load).
// The panel opens by itself when the URL carries no results to show, e.g. after an empty search, and
// when it comes from a facet's "show all" link (no JavaScript), so the unfolded values are in view.
export function SearchFilterPanel({ active, open, children }: { active: number; open?: boolean; children: ReactNode }) {
  const t = useT();
  const unfolding = unfoldedFacets(useLocation().search).length > 0;
  return (
    <details className="filter-panel" open={open || unfolding || undefined}>
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
