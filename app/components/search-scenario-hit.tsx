import { Link } from "@remix-run/react";
import type { ScenarioHit } from "../../search/scenario-search.server";
import { DISTRICTS, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { countdown, formatBudget, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";
import { localisedText } from "./scenario-list-item";
import { Highlight } from "./search-highlight";

/** One search result: the same card as the scenario list, with the matched words highlighted. */
export function ScenarioSearchHit({ hit, now }: { hit: ScenarioHit; now: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span className="scenario-code">{hit.code}</span>
        {hit.status !== "published" ? <ScenarioStatusBadge status={hit.status} /> : null}
        <MechanismBadge mechanism={hit.mechanism} />
      </div>
      <h2><Link to={`/scenarios/${hit.code}`}><Highlight text={localisedText(hit.title, hit.titleEn, locale)} /></Link></h2>
      <p className="scenario-summary"><Highlight text={localisedText(hit.summary, hit.summaryEn, locale)} /></p>
      <div className="meta-row">
        <span>{localisedText(hit.departmentName, hit.departmentNameEn, locale)}</span>
        <span>{label(SECTORS, hit.sector, locale)}</span>
        <span>{label(DISTRICTS, hit.district, locale)}</span>
        <span>{t("sc.budget")} {formatBudget(hit.budgetMin, hit.budgetMax, locale)}</span>
        <span>
          {t("sc.deadline")} <time dateTime={hit.deadline}>{formatDateTime(hit.deadline, locale)}</time>
          {hit.status === "published" ? ` · ${countdown(hit.deadline, new Date(now), locale)}` : null}
        </span>
      </div>
      {hit.techTags.length > 0 ? (
        <div className="scenario-tags">
          {hit.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}
        </div>
      ) : null}
    </li>
  );
}
