import { Link } from "@remix-run/react";
import type { ScenarioListItem } from "~/modules/scenarios/scenario-queries.server";
import { DISTRICTS, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { countdown, formatBudget, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";
import { AppLink } from "./app-link";

/** English readers get the English title and summary when the department wrote one. */
export function localisedText(zh: string, en: string | null, locale: string): string {
  return locale === "en" && en ? en : zh;
}

type Props = { item: ScenarioListItem; href: string; now: string; showStatus?: boolean };

export function ScenarioListEntry({ item, href, now, showStatus = false }: Props) {
  const locale = useLocale();
  const department = localisedText(item.department.name, item.department.nameEn, locale);
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span className="scenario-code">{item.code}</span>
        {showStatus || item.status !== "published" ? <ScenarioStatusBadge status={item.status} /> : null}
        <MechanismBadge mechanism={item.mechanism} raceTeams={item.raceTeams} />
      </div>
      <h2><AppLink to={href}>{localisedText(item.title, item.titleEn, locale)}</AppLink></h2>
      <p className="scenario-summary">{localisedText(item.summary, item.summaryEn, locale)}</p>
      <ScenarioListFacts facts={{ ...item, department }} now={now} />
    </li>
  );
}

type Facts = {
  department: string; sector: string; district: string; budgetMin: number | null; budgetMax: number | null;
  deadline: string; status: string; techTags: string[];
};

/**
 * The facts under a listing's summary, shared by the lists and the search results. Labels and values
 * are joined into one text where they sit together: fewer text nodes to render and hydrate on a page
 * of twenty listings.
 */
export function ScenarioListFacts({ facts, now }: { facts: Facts; now: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <div className="meta-row">
        <span>{facts.department}</span>
        <span>{label(SECTORS, facts.sector, locale)}</span>
        <span>{label(DISTRICTS, facts.district, locale)}</span>
        <span>{`${t("sc.budget")} ${formatBudget(facts.budgetMin, facts.budgetMax, locale)}`}</span>
        <span>
          {`${t("sc.deadline")} `}<time dateTime={facts.deadline}>{formatDateTime(facts.deadline, locale)}</time>
          {facts.status === "published" ? ` · ${countdown(facts.deadline, new Date(now), locale)}` : null}
        </span>
      </div>
      {facts.techTags.length > 0 ? (
        <div className="scenario-tags">
          {facts.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}
        </div>
      ) : null}
    </>
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
