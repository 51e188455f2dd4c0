/**
 * The matching score: pure, so the vendor home, the department page and (later) the digests rank
 * the same way and unit tests can pin it down. The design and its measurements: ADR 007.
 *
 * score (0–100) = 100 × ( 0.60 · text      the words the listing and the profile share (explain.ts):
 *                                           √(coverage × focus), full at TEXT_FULL
 *                       + 0.20 · cases     the organisation's most similar delivered case
 *                       + 0.08 · sector    the listing's sector is one the organisation works in,
 *                                           × how few sectors it claims (breadth below)
 *                       + 0.08 · tags      share of the listing's technology tags it has, × breadth
 *                       + 0.04 · district  it delivers in the listing's district, × breadth )
 *
 * Evidence, not breadth: coverage is how much of the listing's need (its weighted words) the
 * profile's own text has; focus is how much of the profile's stated capability is about this need.
 * A catch-all profile ("大模型、视觉、语音、无人机… 服务各行业") covers a little of everything and
 * has almost no focus, so its geometric mean stays low; a specialist's products and cases share many
 * specific words with the listing and are mostly about it. Claimed sectors, tags and districts are
 * weighed by how specific the claim is: one sector of 17 counts fully, all 17 count nothing.
 *
 * Then, in this order:
 * 1. "Not relevant" feedback (vendor side). Each dismissed listing D weighs on a candidate S by its
 *    similarity sim(S, D) = 0.5·[same sector] + 0.5·Jaccard(tags of S, tags of D); the score is
 *    multiplied by 1 − min(0.5, 0.3 · Σ sim). One dismissal of an identical-looking listing costs
 *    30 %; several dismissals in one area cost at most half, so a strong fit can still surface.
 * 2. The RELEVANCE FLOOR: a match is shown only with direct evidence — a word of substance both
 *    sides share, or a similar delivered case — and a score of at least RELEVANCE_FLOOR; and only if
 *    it is not far weaker than the best match of the same list (RELATIVE_FLOOR). Below that the page
 *    says there is no good match instead of padding the list.
 * 3. The verified bonus (vendor ranking for departments): +3 points for a verified organisation,
 *    added after the floor so it reorders close candidates but never lifts a weak one into view.
 */
import type { Explanation, ScoreBreakdown, TextOverlap } from "./types";

export const WEIGHTS = { text: 0.6, cases: 0.2, sector: 0.08, tags: 0.08, district: 0.04 } as const;

/** The shared-word overlap (√(coverage × focus)) at which the text part counts fully. */
export const TEXT_FULL = 0.35;
/** Minimum score (0–100, after feedback, before the bonus) for a match to be shown. */
export const RELEVANCE_FLOOR = 30;
/** A match scoring under this share of the best one in its list is not shown: a far weaker fit is no fit. */
export const RELATIVE_FLOOR = 0.4;
export const VERIFIED_BONUS = 3;
/**
 * Cases delivered and accepted on the platform in the listing's sector (ADR 009): +4 points for the
 * first, +2 for each further one, at most +8. Added after the floor like the verified bonus, so a
 * proven deliverer ranks above a peer with the same evidence, but a delivery never lifts a weak fit
 * into view. Declared past cases keep counting through the text and "similar case" parts only.
 */
export const DELIVERED_BONUS = { first: 4, next: 2, max: 8 } as const;

export function deliveredBonus(count: number): number {
  if (count <= 0) return 0;
  return Math.min(DELIVERED_BONUS.max, DELIVERED_BONUS.first + DELIVERED_BONUS.next * (count - 1));
}
export const FEEDBACK_STEP = 0.3;
export const FEEDBACK_MAX = 0.5;

/** Catalogue sizes the breadth of a claim is measured against. */
export const CATALOGUE = { sectors: 17, tags: 23, districts: 19 } as const;

/**
 * How telling a claim of `n` of `total` options is: 1 for one, 0 for all of them, falling with the
 * logarithm in between (an organisation in 4 of 17 sectors keeps half).
 */
export function breadth(n: number, total: number): number {
  if (n <= 1) return 1;
  return Math.max(0, 1 - Math.log(n) / Math.log(total));
}

/** The text part (0–1) from the overlap of the two sides' words, as strongly as the profile states it. */
export function textFit(overlap: TextOverlap): number {
  const overlapFit = Math.min(1, Math.sqrt(Math.max(0, overlap.coverage) * Math.max(0, overlap.focus)) / TEXT_FULL);
  return overlapFit * Math.max(0, Math.min(1, overlap.strength));
}

export type DismissedFacts = { sector: string; techTags: readonly string[] };

function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 0;
  let inter = 0;
  for (const x of setA) if (setB.has(x)) inter += 1;
  return inter / (setA.size + setB.size - inter);
}

/** The fraction (0–FEEDBACK_MAX) taken off a candidate because of dismissed listings. */
export function feedbackFactor(candidate: DismissedFacts, dismissed: readonly DismissedFacts[]): number {
  let weight = 0;
  for (const d of dismissed) {
    weight += 0.5 * (d.sector === candidate.sector ? 1 : 0) + 0.5 * jaccard(candidate.techTags, d.techTags);
  }
  return Math.min(FEEDBACK_MAX, FEEDBACK_STEP * weight);
}

export type ScoreInput = {
  explanation: Explanation;
  overlap: TextOverlap;
  /** How many sectors, tags and districts the organisation claims on its profile. */
  claims: { sectors: number; tags: number; districts: number };
  /** Number of technology tags on the listing (the denominator of the tag share). */
  listingTagCount: number;
  /** Vendor ranking only: whether the organisation is verified. */
  verified?: boolean;
  /** 0–FEEDBACK_MAX from feedbackFactor, vendor side only. */
  feedback?: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Direct evidence: a word of substance both sides share, or a similar delivered case. */
export function hasEvidence(e: Explanation): boolean {
  return e.matchedTerms.length > 0 || e.similarCases.length > 0;
}

export function scoreMatch(input: ScoreInput): ScoreBreakdown {
  const { explanation: e, claims } = input;
  const tagShare = input.listingTagCount > 0 ? Math.min(1, e.sharedTags.length / input.listingTagCount) : 0;
  const parts = {
    text: round1(100 * WEIGHTS.text * textFit(input.overlap)),
    sector: round1(100 * WEIGHTS.sector * (e.sharedSectors.length > 0 ? breadth(claims.sectors, CATALOGUE.sectors) : 0)),
    tags: round1(100 * WEIGHTS.tags * tagShare * breadth(claims.tags, CATALOGUE.tags)),
    cases: round1(100 * WEIGHTS.cases * (e.similarCases[0]?.similarity ?? 0)),
    district: round1(100 * WEIGHTS.district * (e.districtMatch ? breadth(claims.districts, CATALOGUE.districts) : 0)),
  };
  const base = round1(parts.text + parts.sector + parts.tags + parts.cases + parts.district);
  const feedbackPenalty = round1(base * (input.feedback ?? 0));
  const adjusted = base - feedbackPenalty;
  const aboveFloor = hasEvidence(e) && adjusted >= RELEVANCE_FLOOR;
  const verifiedBonus = input.verified && aboveFloor ? VERIFIED_BONUS : 0;
  const delivered = aboveFloor ? deliveredBonus(e.deliveredCases?.length ?? 0) : 0;
  return {
    score: Math.round(Math.min(100, adjusted + verifiedBonus + delivered)),
    parts,
    base,
    feedbackPenalty,
    verifiedBonus,
    deliveredBonus: delivered,
    aboveFloor,
  };
}

/**
 * Ranks scored items and keeps those above the floor and within RELATIVE_FLOOR of the best, at most
 * `limit`. `belowFloor` counts the candidates that were considered and not shown.
 */
export function rankAboveFloor<T extends { score: ScoreBreakdown }>(items: readonly T[], limit: number): { shown: T[]; belowFloor: number } {
  const strength = (i: T) => i.score.base - i.score.feedbackPenalty;
  const above = items.filter((i) => i.score.aboveFloor).sort((a, b) => b.score.score - a.score.score || strength(b) - strength(a));
  const best = Math.max(0, ...above.map(strength));
  const shown = above.filter((i) => strength(i) >= RELATIVE_FLOOR * best).slice(0, limit);
  return { shown, belowFloor: items.length - shown.length };
}
