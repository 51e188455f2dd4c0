import type { LinksFunction } from "@remix-run/node";
import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { withParam } from "~/modules/admin/table-params";
import { useT } from "~/utils/i18n";
import styles from "~/styles/admin-table.css";

export const adminTableLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export type TableFilter = {
  name: string;
  label: string;
  value: string | null | undefined;
  /** A select of these options, or (without options) a text/date input of `type`. */
  options?: { value: string; label: string }[];
  type?: "text" | "date";
  placeholder?: string;
};

type Props = {
  /** Names the table for assistive technology and the filter form. */
  label: string;
  q?: string;
  searchLabel?: string;
  filters?: TableFilter[];
  page: number;
  pages: number;
  total: number;
  /** A CSV of the same rows, filters included. */
  csvHref?: string;
  /** Other URL state of the page that the filter form keeps (e.g. a selection made elsewhere on it). */
  keep?: Record<string, string>;
  children: ReactNode;
};

/**
 * The shared admin table: a GET form (search box and filters), the rows, and paging links, all as
 * URL parameters — so it works without JavaScript, a filtered view can be bookmarked, and the back
 * button goes to the previous filter.
 */
export function AdminTable({ label, q, searchLabel, filters = [], page, pages, total, csvHref, keep = {}, children }: Props) {
  const t = useT();
  const { search } = useLocation();
  const active = Boolean(q) || filters.some((f) => f.value);
  return (
    <div className="admin-table">
      <Form method="get" className="admin-table-filters" aria-label={t("adm.table.filters", { label })}>
        {Object.entries(keep).filter(([, v]) => v).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {searchLabel !== undefined ? (
          <div className="field">
            <label htmlFor="admin-table-q">{searchLabel}</label>
            <input id="admin-table-q" type="search" name="q" defaultValue={q ?? ""} maxLength={100} />
          </div>
        ) : null}
        {filters.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`admin-table-${f.name}`}>{f.label}</label>
            {f.options ? (
              <select id={`admin-table-${f.name}`} name={f.name} defaultValue={f.value ?? ""}>
                <option value="">{t("adm.table.any")}</option>
                {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input id={`admin-table-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={f.value ?? ""} placeholder={f.placeholder} maxLength={64} />
            )}
          </div>
        ))}
        <div className="admin-table-buttons">
          <button type="submit" className="btn btn-small">{t("adm.table.apply")}</button>
          {active ? <Link to="?" className="btn btn-secondary btn-small">{t("adm.table.clear")}</Link> : null}
        </div>
      </Form>
      <p className="admin-table-summary" role="status">
        {t("adm.table.total", { total })}
        {csvHref ? <> · <a href={csvHref} download>{t("adm.table.csv")}</a></> : null}
      </p>
      {total === 0 ? <p className="card">{t("adm.table.empty")}</p> : <div className="table-wrap" tabIndex={0}>{children}</div>}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("adm.table.paging", { label })}>
          {page > 1 ? <Link to={withParam(search, "page", page - 1)} rel="prev">{t("common.previous")}</Link> : <span aria-hidden="true" />}
          <span>{t("common.page", { page, pages })}</span>
          {page < pages ? <Link to={withParam(search, "page", page + 1)} rel="next">{t("common.next")}</Link> : <span aria-hidden="true" />}
        </nav>
      ) : null}
    </div>
  );
}
