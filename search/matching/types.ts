/**
 * Shapes shared by the matching modules, the routes and the components. Plain data only (no Date,
 * no BigInt) so results travel from a loader to the browser as they are.
 */

/** What matching needs to know about a listing. */
export type ScenarioFacts = {
  id: string;
  title: string;
  summary: string;
  /** Plain text or Markdown; only its words are used. */
  description?: string;
  sector: string;
  techTags: string[];
  district: string;
};

export type PastCaseFacts = { title: string; sector: string; year: number; summary: string };

/** What matching needs to know about a vendor's or institute's capability profile. */
export type VendorFacts = {
  id: string;
  verified: boolean;
  sectors: string[];
  techTags: string[];
  /** Where the organisation delivers, including where it is registered. */
  districts: string[];
  pastCases: PastCaseFacts[];
};

/** One query that found the document: how well, and how telling that query is. */
export type QueryHit = {
  /** Meilisearch `_rankingScore` (0–1). */
  rankingScore: number;
  /** 0–1: 1 when the query finds only a few documents, near 0 when it finds nearly all (an IDF). */
  specificity: number;
};

/** The full-text evidence for one pair, gathered from Meilisearch. */
export type TextEvidence = {
  hits: QueryHit[];
  /** Words of the document the queries matched (already filtered for meaning). */
  terms: string[];
};

export type SimilarCase = { title: string; year: number; sector: string; similarity: number };

/** Why a pair matched, in data; the components turn it into sentences. */
export type Explanation = {
  matchedTerms: string[];
  sharedSectors: string[];
  sharedTags: string[];
  similarCases: SimilarCase[];
  districtMatch: boolean;
};

/** The parts of a score, kept so the page can show "how" as well as "how much". */
export type ScoreBreakdown = {
  /** 0–100, what is shown and sorted on. */
  score: number;
  /** Points from each signal before adjustments (they add up to `base`). */
  parts: { text: number; sector: number; tags: number; cases: number; district: number };
  base: number;
  /** Points removed because the organisation dismissed similar listings. */
  feedbackPenalty: number;
  /** Points added for a verified organisation (vendor ranking only). */
  verifiedBonus: number;
  aboveFloor: boolean;
};

export type Match<T> = { item: T; explanation: Explanation; score: ScoreBreakdown };

/**
 * A recommendation section's state: "ok" (maybe with no matches above the floor) or "unavailable"
 * when Meilisearch cannot answer, which the page shows as a short notice.
 */
export type MatchResult<T> =
  | { status: "ok"; matches: Match<T>[]; belowFloor: number }
  | { status: "unavailable" };
