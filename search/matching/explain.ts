/**
 * Why a scenario and a vendor match: a pure function of the two records and the words Meilisearch
 * matched. The same explanation feeds the score (score.ts), so what the page says is exactly what
 * the number is made of — no hidden signal.
 */
import { containment, grams } from "./text";
import type { Explanation, PastCaseFacts, ScenarioFacts, SimilarCase, TextEvidence, VendorFacts } from "./types";

/**
 * A past case counts as "similar" when at least this share of its title's meaningful bigrams
 * appear in the listing, and at least two of them (one shared bigram such as "监测" is chance).
 */
export const SIMILAR_CASE_SHARE = 0.3;
export const SIMILAR_CASE_MIN_SHARED = 2;
/** A case from another sector is still evidence, but weaker: the same technique, a different user. */
export const OTHER_SECTOR_CASE_WEIGHT = 0.7;

function similarity(pastCase: PastCaseFacts, listing: ReadonlySet<string>, sector: string): number {
  // The title says what the case was; the summary adds the domain words (条锈病, 钼靶…).
  const title = containment(grams(pastCase.title), listing);
  const whole = containment(grams(`${pastCase.title} ${pastCase.summary}`), listing);
  const best = title.share >= whole.share ? title : whole;
  if (best.share < SIMILAR_CASE_SHARE || best.shared < SIMILAR_CASE_MIN_SHARED) return 0;
  return Math.min(1, best.share) * (pastCase.sector === sector ? 1 : OTHER_SECTOR_CASE_WEIGHT);
}

/**
 * The vendor's past cases that resemble the listing, most similar first. The whole listing counts
 * (title, summary and description): a case about "中小水库雨水情测报" resembles a reservoir listing
 * whose description, not its title, talks about 雨水情 sensing.
 */
export function similarCases(scenario: ScenarioFacts, vendor: VendorFacts, max = 3): SimilarCase[] {
  const listing = grams(`${scenario.title} ${scenario.summary} ${scenario.description ?? ""}`);
  return vendor.pastCases
    .map((c) => ({ title: c.title, year: c.year, sector: c.sector, similarity: similarity(c, listing, scenario.sector) }))
    .filter((c) => c.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, max);
}

export function explainPair(scenario: ScenarioFacts, vendor: VendorFacts, text: TextEvidence): Explanation {
  const sectors = new Set(vendor.sectors);
  // A sector the vendor has delivered in counts even if its profile forgot to list it.
  for (const c of vendor.pastCases) sectors.add(c.sector);
  const tags = new Set(vendor.techTags);
  return {
    matchedTerms: text.terms,
    sharedSectors: sectors.has(scenario.sector) ? [scenario.sector] : [],
    sharedTags: scenario.techTags.filter((t) => tags.has(t)),
    similarCases: similarCases(scenario, vendor),
    districtMatch: vendor.districts.includes(scenario.district),
  };
}
