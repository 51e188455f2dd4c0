import { AppLink } from "./app-link";
import { useT } from "~/utils/i18n";

/** Previous / next links for a search; `href(page)` keeps every other part of the search in the URL. */
export function SearchPagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("search.pagination")}>
      {page > 1 ? <AppLink to={href(page - 1)} rel="prev">{t("common.previous")}</AppLink> : <span aria-hidden="true" />}
      <span>{t("common.page", { page, pages })}</span>
      {page < pages ? <AppLink to={href(page + 1)} rel="next">{t("common.next")}</AppLink> : <span aria-hidden="true" />}
    </nav>
  );
}
