import { Link } from "@remix-run/react";
import type { ScenarioListItem } from "~/modules/scenarios/scenario-queries.server";
import { DISTRICTS, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { countdown, formatBudget, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";

/** English readers get the English title and summary when the department wrote one. */
export function localisedText(zh: string, en: string | null, locale: string): string {
  return locale === "en" && en ? en : zh;
}

type Props = { item: ScenarioListItem; href: string; now: string; showStatus?: boolean };

export function ScenarioListEntry({ item, href, now, showStatus = false }: Props) {
  const t = useT();
  const locale = useLocale();
  const department = localisedText(item.department.name, item.department.nameEn, locale);
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span className="scenario-code">{item.code}</span>
        {showStatus || item.status !== "published" ? <ScenarioStatusBadge status={item.status} /> : null}
        <MechanismBadge mechanism={item.mechanism} raceTeams={item.raceTeams} />
      </div>
      <h2><Link to={href}>{localisedText(item.title, item.titleEn, locale)}</Link></h2>
      <p className="scenario-summary">{localisedText(item.summary, item.summaryEn, locale)}</p>
      <div className="meta-row">
        <span>{department}</span>
        <span>{label(SECTORS, item.sector, locale)}</span>
        <span>{label(DISTRICTS, item.district, locale)}</span>
        <span>{t("sc.budget")} {formatBudget(item.budgetMin, item.budgetMax, locale)}</span>
        <span>
          {t("sc.deadline")} <time dateTime={item.deadline}>{formatDateTime(item.deadline, locale)}</time>
          {item.status === "published" ? ` · ${countdown(item.deadline, new Date(now), locale)}` : null}
        </span>
      </div>
      {item.techTags.length > 0 ? (
        <div className="scenario-tags">
          {item.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}
        </div>
      ) : null}
    </li>
  );
}

/** Previous / next links that keep the other query parameters (the status tab). */
export function Pagination({ page, pages, query }: { page: number; pages: number; query: Record<string, string> }) {
  const t = useT();
  if (pages <= 1) return null;
  const href = (p: number) => `?${new URLSearchParams({ ...query, page: String(p) }).toString()}`;
  return (
    <nav className="pagination" aria-label={t("sc.pagination")}>
      {page > 1 ? <Link to={href(page - 1)} rel="prev">{t("common.previous")}</Link> : <span aria-hidden="true" />}
      <span>{t("common.page", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)} rel="next">{t("common.next")}</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
