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

/** `delivered`: the case was delivered and accepted on the platform (a completed scenario), not only declared. */
export type PastCaseFacts = { title: string; sector: string; year: number; summary: string; delivered?: boolean };

/** A case the organisation delivered on the platform in the listing's own sector. */
export type DeliveredCase = { title: string; year: number };

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

/** A word both sides share, named in each language where the glossary or the texts know it. */
export type MatchedTerm = { zh: string | null; en: string | null };

export type SimilarCase = { title: string; year: number; sector: string; similarity: number };

/** Why a pair matched, in data; the components turn it into sentences. */
export type Explanation = {
  /** Words of substance the listing and the profile share, strongest first (no filler, no places). */
  matchedTerms: MatchedTerm[];
  /** The organisation's products that carry those words: where its capability is stated. */
  matchedProducts: string[];
  sharedSectors: string[];
  sharedTags: string[];
  similarCases: SimilarCase[];
  /** Cases delivered on the platform in the listing's sector (ADR 009): named, and worth a small bonus. */
  deliveredCases?: DeliveredCase[];
  districtMatch: boolean;
};

/** How much of each side the shared words are (explain.ts), the input of the text part of the score. */
export type TextOverlap = {
  /** 0–1: share of the listing's need (weighted words) the profile covers. */
  coverage: number;
  /** 0–1: share of the profile's stated capability that is about this need (low for catch-all profiles). */
  focus: number;
  /**
   * 0–1: how strongly the profile states the shared words — 1 when they are in its products and
   * delivered cases, its intro's weight when it only says them about itself.
   */
  strength: number;
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
  /** Points added for cases delivered on the platform in the listing's sector (ADR 009). */
  deliveredBonus?: number;
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
