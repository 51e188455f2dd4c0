/**
 * Weighted bags of words: what a listing asks for and what a profile says it can do, each word
 * once, with the weight of the strongest field it appears in (a product name outweighs an intro; a
 * title outweighs the background). Pure: the words come from segment.server.ts.
 */
import type { ConceptKind } from "./glossary";

/** The shape of a term as the bags need it (segment.server.ts `Term`). */
export type BagTerm = { id: string; kind: ConceptKind; lang: "zh" | "en" | "any"; surface: string; idf: number; weight: number };

export type BagEntry = {
  id: string;
  kind: ConceptKind;
  lang: "zh" | "en" | "any";
  idf: number;
  /** The strongest field weight the word appears with (0–1). */
  weight: number;
  /** The word as first written in each script. */
  zh: string | null;
  en: string | null;
};

export type Bag = Map<string, BagEntry>;

/**
 * How much a kind of word counts. Technology names are real capabilities but every catch-all profile
 * lists them all, and every listing names one; the words of the field (眼底, 绝缘子, 冷链) say
 * what a need is about. Generic words (识别, 数据) barely count.
 */
export const KIND_WEIGHT: Record<ConceptKind, number> = { domain: 1, technology: 0.5, generic: 0.1 };

const HAN = /\p{Script=Han}/u;

export function bagOf(fields: readonly { terms: readonly BagTerm[]; weight: number }[]): Bag {
  const bag: Bag = new Map();
  for (const { terms, weight } of fields) {
    for (const term of terms) {
      const entry = bag.get(term.id);
      const han = HAN.test(term.surface);
      const w = weight * term.weight;
      if (!entry) {
        bag.set(term.id, {
          id: term.id, kind: term.kind, lang: term.lang, idf: term.idf, weight: w,
          zh: han ? term.surface : null, en: han ? null : term.surface,
        });
        continue;
      }
      entry.weight = Math.max(entry.weight, w);
      if (han) entry.zh ??= term.surface;
      else entry.en ??= term.surface;
    }
  }
  return bag;
}

/** What a word is worth in a bag: its field weight, its kind and how specific it is. */
export const mass = (e: BagEntry) => e.weight * KIND_WEIGHT[e.kind] * e.idf;

/**
 * The languages a side is written in: a language counts when its own words (not glossary concepts,
 * which belong to both) make at least this share of the side's weight. A Chinese profile is read in
 * Chinese, an English-only one in English, a listing with an English summary in both.
 */
export const LANGUAGE_SHARE = 0.2;

export function languagesOf(bag: Bag): ("zh" | "en")[] {
  let total = 0;
  const own = { zh: 0, en: 0 };
  for (const e of bag.values()) {
    total += mass(e);
    if (e.lang !== "any") own[e.lang] += mass(e);
  }
  const langs = (["zh", "en"] as const).filter((l) => total > 0 && own[l] / total >= LANGUAGE_SHARE);
  // A side made only of glossary words is readable in both languages.
  return langs.length > 0 ? langs : ["zh", "en"];
}

/**
 * The share of `side` (by mass) that `other` also has, reading `side` in each of its languages and
 * keeping the best: a listing's Chinese text and its English summary are two statements of one
 * need, and a profile should not be penalised for matching only one of them.
 */
export function sharedShare(side: Bag, other: Bag, langs: readonly ("zh" | "en")[]): number {
  let best = 0;
  for (const lang of langs) {
    let all = 0;
    let shared = 0;
    for (const e of side.values()) {
      if (e.lang !== "any" && e.lang !== lang) continue;
      const m = mass(e);
      all += m;
      if (other.has(e.id)) shared += m;
    }
    if (all > 0) best = Math.max(best, shared / all);
  }
  return best;
}
