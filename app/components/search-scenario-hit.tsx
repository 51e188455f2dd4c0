import type { ScenarioHit } from "../../search/scenario-search.server";
import { useLocale } from "~/utils/i18n";
import { AppLink } from "./app-link";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";
import { ScenarioListFacts, localisedText } from "./scenario-list-item";
import { Highlight } from "./search-highlight";

/** One search result: the same card as the scenario list, with the matched words highlighted. */
export function ScenarioSearchHit({ hit, now }: { hit: ScenarioHit; now: string }) {
  const locale = useLocale();
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span className="scenario-code">{hit.code}</span>
        {hit.status !== "published" ? <ScenarioStatusBadge status={hit.status} /> : null}
        <MechanismBadge mechanism={hit.mechanism} />
      </div>
      <h2><AppLink to={`/scenarios/${hit.code}`}><Highlight text={localisedText(hit.title, hit.titleEn, locale)} /></AppLink></h2>
      <p className="scenario-summary"><Highlight text={localisedText(hit.summary, hit.summaryEn, locale)} /></p>
      <ScenarioListFacts facts={{ ...hit, department: localisedText(hit.departmentName, hit.departmentNameEn, locale) }} now={now} />
    </li>
  );
}
