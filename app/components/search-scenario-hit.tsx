import type { ScenarioHit } from "../../search/scenario-search.server";
import { AppLink } from "./app-link";
import { MechanismBadge, ScenarioStatusBadge } from "./scenario-badges";
import { ScenarioListFacts, localisedText } from "./scenario-list-item";
import { Highlight } from "./search-highlight";

/**
 * What one search result shows, its texts in the reader's language (English where written, else
 * Chinese). The page's loader sends only this to the browser (ADR 015).
 */
export type ScenarioCard = Pick<ScenarioHit, "code" | "status" | "mechanism" | "sector" | "district" | "techTags" | "title" | "summary" | "budgetMin" | "budgetMax" | "deadline"> & {
  department: string;
};

export function scenarioCard(hit: ScenarioHit, locale: string): ScenarioCard {
  return {
    code: hit.code, status: hit.status, mechanism: hit.mechanism, sector: hit.sector, district: hit.district, techTags: hit.techTags,
    title: localisedText(hit.title, hit.titleEn, locale), summary: localisedText(hit.summary, hit.summaryEn, locale),
    department: localisedText(hit.departmentName, hit.departmentNameEn, locale),
    budgetMin: hit.budgetMin, budgetMax: hit.budgetMax, deadline: hit.deadline,
  };
}

/** One search result: the same card as the scenario list, with the matched words highlighted. */
export function ScenarioSearchHit({ card, now }: { card: ScenarioCard; now: string }) {
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span className="scenario-code">{card.code}</span>
        {card.status !== "published" ? <ScenarioStatusBadge status={card.status} /> : null}
        <MechanismBadge mechanism={card.mechanism} />
      </div>
      <h2><AppLink to={`/scenarios/${card.code}`}><Highlight text={card.title} /></AppLink></h2>
      <p className="scenario-summary"><Highlight text={card.summary} /></p>
      <ScenarioListFacts facts={card} now={now} />
    </li>
  );
}
