/**
 * The matching score: pure, so the vendor home, the department page and (later) the digests rank
 * the same way and unit tests can pin it down.
 *
 * score (0–100) = 100 × ( 0.40 · text      full-text fit: Meilisearch ranking scores of the queries
 *                                           built from the other side (products, past cases, intro
 *                                           phrases / short windows of title and summary), weighted by how specific each query is
 *                                           and combined as in textFit below
 *                       + 0.20 · sector    the listing's sector is one the organisation works in
 *                       + 0.20 · tags      share of the listing's technology tags the organisation has
 *                       + 0.15 · cases     the organisation's most similar past case (explain.ts)
 *                       + 0.05 · district  the organisation delivers in the listing's district )
 *
 * Text weighs most because it is the only signal that sees the actual need (防汛 vs 交通 both carry
 * "digital twin"); the structured signals keep a listing with terse text findable and make the
 * explanation checkable. Then, in this order:
 *
 * 1. "Not relevant" feedback (vendor side). Each dismissed listing D weighs on a candidate S by its
 *    similarity sim(S, D) = 0.5·[same sector] + 0.5·Jaccard(tags of S, tags of D); the score is
 *    multiplied by 1 − min(0.5, 0.3 · Σ sim). One dismissal of an identical-looking listing costs
 *    30 %; several dismissals in one area cost at most half, so a strong fit can still surface.
 * 2. The RELEVANCE FLOOR: below it nothing is shown, and the page says so instead of padding.
 *    A match must also have direct evidence — matched text or a similar past case — because sector
 *    and tags alone ("healthcare + LLM") describe half the catalogue. The values (40 points, text
 *    fit 0.1) were read off the demo catalogue against the written-down answers
 *    (tests/fixtures/matching-gold.ts): there they keep about three quarters of the right pairs and
 *    drop about 97 % of the others; a higher floor mostly hid right answers with terse profiles.
 * 3. The verified bonus (vendor ranking for departments): +3 points for a verified organisation,
 *    added after the floor so it reorders close candidates but never lifts a weak one into view.
 */
import type { Explanation, QueryHit, ScoreBreakdown } from "./types";

export const WEIGHTS = { text: 0.4, sector: 0.2, tags: 0.2, cases: 0.15, district: 0.05 } as const;

/** Minimum score (0–100, after feedback, before the bonus) for a match to be shown. */
export const RELEVANCE_FLOOR = 40;
/** A query whose ranking score is at or below this found only scattered words, not the phrase. */
export const TEXT_NOISE = 0.3;
/** Full-text fit that counts as "direct evidence" for the floor. */
export const MIN_TEXT_EVIDENCE = 0.1;
export const VERIFIED_BONUS = 3;
export const FEEDBACK_STEP = 0.3;
export const FEEDBACK_MAX = 0.5;

/**
 * Combines the query hits of a pair into one 0–1 fit. Each hit's ranking score above the noise
 * level is rescaled to 0–1 and multiplied by the query's specificity (a query that finds nearly
 * every document, such as "模型", proves nothing about this one). The hits are then combined as
 * independent pieces of evidence (noisy-OR): one exact, specific product match is already strong,
 * a second makes it stronger, and many weak or generic hits do not add up to a strong one.
 */
export function textFit(hits: readonly QueryHit[]): number {
  let miss = 1;
  for (const hit of hits) {
    const strength = Math.max(0, Math.min(1, (hit.rankingScore - TEXT_NOISE) / (1 - TEXT_NOISE)));
    miss *= 1 - strength * Math.max(0, Math.min(1, hit.specificity));
  }
  return 1 - miss;
}

/**
 * Specificity of a query from how many of the candidate documents it found (an inverse document
 * frequency scaled to 0–1): found in 1 of N → 1, in all N → 0.
 */
export function specificity(found: number, total: number): number {
  if (total <= 1 || found <= 0) return 1;
  return Math.max(0, Math.log(total / Math.min(found, total)) / Math.log(total));
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
  /** The queries that found the pair (recall.server.ts). */
  hits: readonly QueryHit[];
  /** Number of technology tags on the listing (the denominator of tag coverage). */
  listingTagCount: number;
  /** Fraction to take off for feedback (feedbackFactor), 0 when not applicable. */
  feedback?: number;
  /** Whether to add the verified bonus (vendor ranking only). */
  verified?: boolean;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreMatch(input: ScoreInput): ScoreBreakdown {
  const { explanation: e } = input;
  const text = textFit(input.hits);
  const tagShare = input.listingTagCount > 0 ? e.sharedTags.length / input.listingTagCount : 0;
  const caseSimilarity = e.similarCases[0]?.similarity ?? 0;
  const parts = {
    text: round1(100 * WEIGHTS.text * text),
    sector: round1(100 * WEIGHTS.sector * (e.sharedSectors.length > 0 ? 1 : 0)),
    tags: round1(100 * WEIGHTS.tags * Math.min(1, tagShare)),
    cases: round1(100 * WEIGHTS.cases * caseSimilarity),
    district: round1(100 * WEIGHTS.district * (e.districtMatch ? 1 : 0)),
  };
  const base = round1(parts.text + parts.sector + parts.tags + parts.cases + parts.district);
  const feedbackPenalty = round1(base * (input.feedback ?? 0));
  const adjusted = base - feedbackPenalty;
  const evidence = text >= MIN_TEXT_EVIDENCE || caseSimilarity > 0;
  const aboveFloor = evidence && adjusted >= RELEVANCE_FLOOR;
  const verifiedBonus = input.verified && aboveFloor ? VERIFIED_BONUS : 0;
  return {
    score: Math.round(Math.min(100, adjusted + verifiedBonus)),
    parts,
    base,
    feedbackPenalty,
    verifiedBonus,
    aboveFloor,
  };
}

/** Ranks scored items and keeps those above the floor, at most `limit`. */
export function rankAboveFloor<T extends { score: ScoreBreakdown }>(items: readonly T[], limit: number): { shown: T[]; belowFloor: number } {
  const above = items.filter((i) => i.score.aboveFloor).sort((a, b) => b.score.score - a.score.score);
  return { shown: above.slice(0, limit), belowFloor: items.length - above.length };
}
