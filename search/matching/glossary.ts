/**
 * The bilingual glossary (search/synonyms.json) as the matcher reads it: every group is one concept,
 * so 无人飞行器, 无人机, UAV and drone are the same word to the matcher, in either script. Pure data
 * and lookups; no segmenter here (segment.server.ts uses it), so it is safe anywhere.
 */
// No import attribute: the Remix compiler (esbuild 0.17) does not parse them; tsx and Vite do not need them.
import glossaryData from "../synonyms.json";

/**
 * technology: AI techniques (大模型, 无人机 …) — real capabilities, but every catch-all profile
 * lists them all, so they weigh less than the words of a field.
 * domain: the words of the sectors (眼底, 绝缘子, 冷链 …) — what a need is about.
 * generic: words in nearly every AI text (识别, 监测, 数据 …) — joined across languages, never
 * evidence on their own.
 */
export type ConceptKind = "technology" | "domain" | "generic";

export type Concept = {
  /** Stable key: "g:" + the group's first term. */
  id: string;
  kind: ConceptKind;
  /** How the concept is named to a reader in each language (the group's first term of each script). */
  zh: string | null;
  en: string | null;
};

type GlossaryFile = {
  technology: string[][];
  sectors: Record<string, string[][]>;
  generic: string[][];
};

const data = glossaryData as unknown as GlossaryFile;

export const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** English words of a text, lower-cased: the unit of English matching ("3D", "co2", "e-bike" → "e bike"). */
export function englishWords(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * A light English stemmer, enough to make plurals meet ("drones" → "drone", "policies" →
 * "policy") without a dictionary. Short words and words ending in -ss/-us/-is are left alone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /(ss|us|is|ics)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The key of an English phrase: its stemmed words joined by spaces. */
export const phraseKey = (words: readonly string[]) => words.map(stem).join(" ");

function build() {
  const groups: { terms: string[]; kind: ConceptKind }[] = [
    ...data.technology.map((terms) => ({ terms, kind: "technology" as const })),
    ...Object.values(data.sectors).flat().map((terms) => ({ terms, kind: "domain" as const })),
    ...data.generic.map((terms) => ({ terms, kind: "generic" as const })),
  ];
  const zhTerms = new Map<string, Concept>();
  const enPhrases = new Map<string, Concept>();
  const concepts: Concept[] = [];
  let maxPhraseWords = 1;
  for (const { terms, kind } of groups) {
    const zh = terms.find(hasHan) ?? null;
    const en = terms.find((t) => !hasHan(t)) ?? null;
    const concept: Concept = { id: `g:${terms[0]}`, kind, zh, en };
    concepts.push(concept);
    for (const term of terms) {
      if (hasHan(term)) {
        zhTerms.set(term, concept);
      } else {
        const words = englishWords(term);
        if (words.length === 0) continue;
        maxPhraseWords = Math.max(maxPhraseWords, words.length);
        enPhrases.set(phraseKey(words), concept);
      }
    }
  }
  return { zhTerms, enPhrases, concepts, maxPhraseWords };
}

export const GLOSSARY = build();
const BY_ID = new Map(GLOSSARY.concepts.map((c) => [c.id, c]));

/** The glossary concept behind a term id ("g:…"), if it is one. */
export function conceptById(id: string): Concept | undefined {
  return BY_ID.get(id);
}

/** The concept a Chinese word is, if the glossary has it. */
export function zhConcept(word: string): Concept | undefined {
  return GLOSSARY.zhTerms.get(word);
}

/** The concept an English phrase (already split into lower-case words) is, if the glossary has it. */
export function enConcept(words: readonly string[]): Concept | undefined {
  return GLOSSARY.enPhrases.get(phraseKey(words));
}

/** Groups that become Meilisearch synonyms: technologies and sector terms, never the generic words. */
export function synonymGroups(): string[][] {
  return [...data.technology, ...Object.values(data.sectors).flat()];
}

/** Every group (generic ones too), for the glossary's own tests. */
export function allGroups(): { terms: string[]; kind: ConceptKind }[] {
  return [
    ...data.technology.map((terms) => ({ terms, kind: "technology" as const })),
    ...Object.values(data.sectors).flat().map((terms) => ({ terms, kind: "domain" as const })),
    ...data.generic.map((terms) => ({ terms, kind: "generic" as const })),
  ];
}
