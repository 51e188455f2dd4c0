import { matchedPhrases } from "./expertise-text";

/**
 * How well an expert fits a scenario, and where they rank among the suggestions. Pure, so the
 * department page and the unit tests agree, and every point shown can be traced:
 *
 *   fit (0–100) = 30 · sector  the scenario's sector is one of the expert's sectors
 *               + 30 · tags    share of the scenario's technology tags the expert lists
 *               + 40 · text    phrases of the expert's written expertise found in the scenario's
 *                              title, summary and KPIs: each adds a third, three make the full 40
 *
 * Text weighs most because it is the only signal that names the actual need (防汛 vs 交通 can share
 * "computer vision"). Then load: rank = fit − 20 × (active assignments ÷ maximum), so of two equal
 * fits the less busy expert comes first; an expert at or over their maximum ranks after everyone with
 * room, whatever their fit, and is marked.
 */
export const FIT_WEIGHTS = { sector: 30, tags: 30, text: 40 } as const;
export const TEXT_PHRASES_FOR_FULL = 3;
export const LOAD_PENALTY = 20;
export const MAX_TERMS = 6;

export type SuggestionScenario = { sector: string; techTags: readonly string[]; title: string; summary: string; kpis: readonly string[] };
export type SuggestionExpert = { sectors: readonly string[]; techTags: readonly string[]; expertise: string };
export type ExpertLoad = { active: number; maxConcurrent: number };

export type FitBreakdown = {
  score: number;
  parts: { sector: number; tags: number; text: number };
  sharedSectors: string[];
  sharedTags: string[];
  matchedTerms: string[];
};

export type LoadView = { active: number; max: number; full: boolean };

export type SuggestionScore = { fit: FitBreakdown; load: LoadView; rank: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scenarioText(s: SuggestionScenario): string {
  return [s.title, s.summary, ...s.kpis].join("\n");
}

export function expertFit(scenario: SuggestionScenario, expert: SuggestionExpert): FitBreakdown {
  const sharedSectors = expert.sectors.includes(scenario.sector) ? [scenario.sector] : [];
  const expertTags = new Set(expert.techTags);
  const sharedTags = scenario.techTags.filter((t) => expertTags.has(t));
  const tagShare = scenario.techTags.length > 0 ? sharedTags.length / scenario.techTags.length : 0;
  const terms = matchedPhrases(expert.expertise, scenarioText(scenario));
  const parts = {
    sector: sharedSectors.length > 0 ? FIT_WEIGHTS.sector : 0,
    tags: round1(FIT_WEIGHTS.tags * tagShare),
    text: round1(FIT_WEIGHTS.text * Math.min(1, terms.length / TEXT_PHRASES_FOR_FULL)),
  };
  return { score: round1(parts.sector + parts.tags + parts.text), parts, sharedSectors, sharedTags, matchedTerms: terms.slice(0, MAX_TERMS) };
}

export function loadView(load: ExpertLoad): LoadView {
  const max = Math.max(0, load.maxConcurrent);
  return { active: load.active, max, full: load.active >= max };
}

export function scoreSuggestion(scenario: SuggestionScenario, expert: SuggestionExpert, load: ExpertLoad): SuggestionScore {
  const fit = expertFit(scenario, expert);
  const view = loadView(load);
  const busy = view.max > 0 ? Math.min(1, view.active / view.max) : 1;
  return { fit, load: view, rank: round1(fit.score - LOAD_PENALTY * busy) };
}

/**
 * Orders suggestions: experts with room before experts at capacity, then by rank, then by fewer active
 * assignments, then by name (stable, so the page does not reshuffle between visits).
 */
export function compareSuggestions<T extends { score: SuggestionScore; name: string }>(a: T, b: T): number {
  if (a.score.load.full !== b.score.load.full) return a.score.load.full ? 1 : -1;
  if (b.score.rank !== a.score.rank) return b.score.rank - a.score.rank;
  if (a.score.load.active !== b.score.load.active) return a.score.load.active - b.score.load.active;
  return a.name.localeCompare(b.name, "zh-CN");
}
