/**
 * Why a scenario and a vendor match: a pure function of the two records' words (bags.ts) and their
 * structured facts. The same explanation feeds the score (score.ts), so what the page says is
 * exactly what the number is made of — no hidden signal.
 */
import { mass, sharedShare, type Bag, type BagEntry } from "./bags";
import { conceptById } from "./glossary";
import type { Explanation, MatchedTerm, PastCaseFacts, ScenarioFacts, SimilarCase, TextOverlap, VendorFacts } from "./types";

type Langs = readonly ("zh" | "en")[];

/** What a listing asks for: its words, and the languages it is written in. */
export type NeedSide = { bag: Bag; langs: Langs };

/** What a profile says it can do, with its products and delivered cases kept apart for the explanation. */
export type CapabilitySide = {
  bag: Bag;
  langs: Langs;
  products: { name: string; bag: Bag }[];
  cases: { facts: PastCaseFacts; bag: Bag; langs: Langs }[];
};

/**
 * A delivered case is "similar" when at least this share of what it was about (its weighted words)
 * reappears in the listing, through at least two words of substance (one shared word such as 监测
 * is chance).
 */
export const SIMILAR_CASE_SHARE = 0.3;
export const SIMILAR_CASE_MIN_SHARED = 2;
/** A case from another sector is still evidence, but weaker: the same technique, a different user. */
export const OTHER_SECTOR_CASE_WEIGHT = 0.7;
export const MAX_TERMS = 8;
export const MAX_PRODUCTS = 3;
export const MAX_DELIVERED = 3;

const substantive = (e: BagEntry) => e.kind !== "generic";

function sharedSubstance(a: Bag, b: Bag): BagEntry[] {
  return [...a.values()].filter((e) => substantive(e) && b.has(e.id));
}

function named(need: BagEntry, capability: BagEntry): MatchedTerm {
  const concept = conceptById(need.id);
  return {
    zh: need.zh ?? capability.zh ?? concept?.zh ?? null,
    en: need.en ?? capability.en ?? concept?.en ?? null,
  };
}

/** The vendor's past cases that resemble the listing, most similar first. */
export function similarCases(scenario: ScenarioFacts, need: NeedSide, capability: CapabilitySide, max = 3): SimilarCase[] {
  return capability.cases
    .map(({ facts, bag, langs }) => {
      if (sharedSubstance(bag, need.bag).length < SIMILAR_CASE_MIN_SHARED) return null;
      const share = sharedShare(bag, need.bag, langs);
      if (share < SIMILAR_CASE_SHARE) return null;
      const similarity = Math.min(1, share) * (facts.sector === scenario.sector ? 1 : OTHER_SECTOR_CASE_WEIGHT);
      return { title: facts.title, year: facts.year, sector: facts.sector, similarity: Math.round(similarity * 1000) / 1000 };
    })
    .filter((c): c is SimilarCase => c !== null)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, max);
}

/**
 * How strongly the profile states what it shares with the listing: the profile-side field weight of
 * each shared word (products and cases 1, intro less), averaged by how much the word matters to the
 * listing. A profile whose only overlap is its own intro's list of claims stays weak however long
 * the list.
 */
export function strengthOf(need: Bag, capability: Bag): number {
  let weighted = 0;
  let total = 0;
  for (const e of need.values()) {
    const c = capability.get(e.id);
    if (!c) continue;
    weighted += mass(e) * Math.min(1, c.weight);
    total += mass(e);
  }
  return total > 0 ? weighted / total : 0;
}

export function explainPair(
  scenario: ScenarioFacts,
  need: NeedSide,
  vendor: VendorFacts,
  capability: CapabilitySide,
): { explanation: Explanation; overlap: TextOverlap } {
  const shared = sharedSubstance(need.bag, capability.bag)
    .sort((a, b) => mass(b) * capability.bag.get(b.id)!.weight - mass(a) * capability.bag.get(a.id)!.weight);
  const matchedProducts = capability.products
    .map((p) => ({ name: p.name, strength: sharedSubstance(p.bag, need.bag).reduce((sum, e) => sum + mass(e), 0) }))
    .filter((p) => p.strength > 0)
    .sort((a, b) => b.strength - a.strength)
    .slice(0, MAX_PRODUCTS)
    .map((p) => p.name);
  const sectors = new Set(vendor.sectors);
  // A sector the vendor has delivered in counts even if its profile forgot to list it.
  for (const c of vendor.pastCases) sectors.add(c.sector);
  const tags = new Set(vendor.techTags);
  return {
    explanation: {
      matchedTerms: shared.slice(0, MAX_TERMS).map((e) => named(e, capability.bag.get(e.id)!)),
      matchedProducts,
      sharedSectors: sectors.has(scenario.sector) ? [scenario.sector] : [],
      sharedTags: scenario.techTags.filter((t) => tags.has(t)),
      similarCases: similarCases(scenario, need, capability),
      deliveredCases: vendor.pastCases
        .filter((c) => c.delivered && c.sector === scenario.sector)
        .map((c) => ({ title: c.title, year: c.year }))
        .slice(0, MAX_DELIVERED),
      districtMatch: vendor.districts.includes(scenario.district),
    },
    overlap: {
      coverage: sharedShare(need.bag, capability.bag, need.langs),
      focus: sharedShare(capability.bag, need.bag, capability.langs),
      strength: strengthOf(need.bag, capability.bag),
    },
  };
}
