import { Link } from "@remix-run/react";
import type { ScenarioListItem } from "~/modules/scenarios/scenario-queries.server";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { countdown, formatBudget } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";
import { localisedText } from "./scenario-list-item";

// A compact scenario for the home page's lists: what it is, who asks, the money and the time left.
// The whole card is one link target (its title), so a thumb on a phone finds it easily.
export function ScenarioCard({ item, now, showStatus = false }: { item: ScenarioListItem; now: string; showStatus?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="scenario-card">
      <div className="meta-row">
        {showStatus ? <ScenarioStatusBadge status={item.status} /> : <MechanismBadge mechanism={item.mechanism} raceTeams={item.raceTeams} />}
        <span>{label(SECTORS, item.sector, locale)}</span>
      </div>
      <h3><Link to={`/scenarios/${item.code}`} className="card-link">{localisedText(item.title, item.titleEn, locale)}</Link></h3>
      <p className="muted small">{localisedText(item.department.name, item.department.nameEn, locale)}</p>
      <p className="scenario-card-foot">
        <span>{t("sc.budget")} <strong>{formatBudget(item.budgetMin, item.budgetMax, locale)}</strong></span>
        {item.status === "published" ? <span className="countdown">{countdown(item.deadline, new Date(now), locale)}</span> : null}
      </p>
    </li>
  );
}
