/**
 * Real words, not character windows: Chinese is cut with jieba's dictionary (@node-rs/jieba, with the
 * glossary's terms added so 无人飞行器, 钼靶 and 糖网病 stay whole), English into words and the
 * glossary's phrases. Each word becomes a term: a glossary concept (the same in both scripts) or the
 * word itself, with how specific it is (idf). Stop words, filler, place and organisation names are
 * dropped here, so nothing downstream can count them as evidence.
 */
import type { Jieba } from "@node-rs/jieba";
import { createJieba, jiebaIdf } from "../../app/utils/jieba.server";
import { GLOSSARY, englishWords, enConcept, hasHan, stem, zhConcept, type ConceptKind } from "./glossary";
import { EN_STOP, NON_EVIDENCE_TAGS, ORGANISATION_SUFFIX, PLACE_NAMES, ZH_STOP } from "./stop-words";

export type Term = {
  /** "g:…" for a glossary concept, "zh:…" / "en:…" for any other word. */
  id: string;
  kind: ConceptKind;
  /** Glossary concepts are the same word in both scripts; other words belong to theirs. */
  lang: "zh" | "en" | "any";
  /** The word as written, for explanations. */
  surface: string;
  /** How rare the word is in general Chinese (jieba's idf); rarer words say more. */
  idf: number;
  /**
   * How fully the word speaks (0–1): 1 for a noun or a glossary term as written; less for a verb or
   * an adjective outside the glossary (提出, 结合, 复杂) and for a piece of a longer word (国土 in
   * 国土空间规划), which is partial evidence.
   */
  weight: number;
};

/** A piece of a longer word counts half: 规划审查 and 国土空间规划 share 规划, not the whole. */
export const PART_WEIGHT = 0.5;
/** Verbs and adjectives outside the glossary are mostly how a text says things, not what it is about. */
export const VERB_ADJECTIVE_WEIGHT = 0.6;

/** A glossary term must win over jieba's own cut: frequent enough to be preferred, tagged as a noun. */
const USER_WORD_FREQUENCY = 50_000;
/** idf of an English word outside the glossary: a content word of moderate specificity. */
export const ENGLISH_IDF = 9;
/** idf of a glossary concept none of whose Chinese terms jieba knows (钼靶): a rare, specific word. */
const UNKNOWN_IDF = 11;

let segmenter: Jieba | undefined;
let idfTable: Map<string, number> | undefined;

function jieba(): Jieba {
  if (!segmenter) {
    const words = [...GLOSSARY.zhTerms.keys()].filter((w) => !/\s/.test(w));
    segmenter = createJieba(words.map((w) => `${w} ${USER_WORD_FREQUENCY} n`).join("\n"));
  }
  return segmenter;
}

function idfOf(word: string): number | undefined {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of jiebaIdf().split("\n")) {
      const space = line.lastIndexOf(" ");
      if (space > 0) idfTable.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return idfTable.get(word);
}

const conceptIdf = new Map<string, number>();
function glossaryIdf(conceptId: string): number {
  let value = conceptIdf.get(conceptId);
  if (value === undefined) {
    // The first Chinese form jieba knows, in the group's order (the common name first: 火灾 before 火情).
    const forms = [...GLOSSARY.zhTerms].filter(([, c]) => c.id === conceptId).map(([w]) => idfOf(w));
    value = forms.find((v): v is number => v != null) ?? UNKNOWN_IDF;
    conceptIdf.set(conceptId, value);
  }
  return value;
}

function conceptTerm(concept: { id: string; kind: ConceptKind }, surface: string, weight = 1): Term {
  return { id: concept.id, kind: concept.kind, lang: "any", surface, idf: glossaryIdf(concept.id), weight };
}

const isWord = (w: string) => zhConcept(w) !== undefined || idfOf(w) !== undefined;

/**
 * The words inside a longer one (国土空间规划 → 国土 空间 规划; 基因组研究 → 基因组 研究), longest
 * first, not overlapping: partial matches between compounds that share a part.
 */
function partsOf(word: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < word.length) {
    let matched = 0;
    for (let len = Math.min(word.length - 1, word.length - i, 6); len >= 2; len -= 1) {
      if (isWord(word.slice(i, i + len))) {
        parts.push(word.slice(i, i + len));
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return parts;
}

/** One Chinese word as a term, or nothing if it is not evidence. */
function chineseTerm(word: string, tag: string, weight: number): Term | null {
  const concept = zhConcept(word);
  if (concept) return conceptTerm(concept, word, weight);
  if (ZH_STOP.has(word) || PLACE_NAMES.has(word) || NON_EVIDENCE_TAGS.test(tag) || ORGANISATION_SUFFIX.test(word)) return null;
  if (word.length < 2 || /^[\d.%·]+$/.test(word)) return null;
  const pos = /^[va]/.test(tag) ? VERB_ADJECTIVE_WEIGHT : 1;
  // A word made only of filler and generic words is generic too (自动识别, 实时监测, 智能分析).
  const parts = word.length >= 3 ? partsOf(word) : [];
  const kind = parts.length > 0 && parts.join("") === word && parts.every((p) => ZH_STOP.has(p) || zhConcept(p)?.kind === "generic") ? "generic" : "domain";
  return { id: `zh:${word}`, kind, lang: "zh", surface: word, idf: idfOf(word) ?? UNKNOWN_IDF, weight: weight * pos };
}

function chineseTerms(word: string, tag: string, out: Term[]): void {
  // A place or an organisation's name is dropped whole, parts included (河南省文物局 says nothing of 文物).
  if (!zhConcept(word) && (ZH_STOP.has(word) || PLACE_NAMES.has(word) || /^(ns|nt|nr)/.test(tag) || ORGANISATION_SUFFIX.test(word))) return;
  const whole = chineseTerm(word, tag, 1);
  if (whole) out.push(whole);
  // The parts of a technology's name say nothing (知识图谱 → 知识, 图谱): only words of a field are split.
  if (word.length < 4 || (whole && whole.kind !== "domain")) return;
  const parts = partsOf(word);
  // One level down as well: 国土空间规划 → 国土, 空间规划 → 空间, 规划.
  for (const part of [...parts, ...parts.filter((p) => p.length >= 4).flatMap(partsOf)]) {
    const term = chineseTerm(part, "n", PART_WEIGHT);
    if (term) out.push(term);
  }
}

/** A run of English words: the glossary's phrases first (longest match), then single content words. */
function englishTerms(run: string, out: Term[]): void {
  const words = englishWords(run);
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let len = Math.min(GLOSSARY.maxPhraseWords, words.length - i); len >= 1; len -= 1) {
      const concept = enConcept(words.slice(i, i + len));
      if (concept) {
        out.push(conceptTerm(concept, words.slice(i, i + len).join(" ")));
        matched = len;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const word = words[i]!;
    i += 1;
    if (EN_STOP.has(word) || word.length < 3 || /^\d/.test(word)) continue;
    out.push({ id: `en:${stem(word)}`, kind: "domain", lang: "en", surface: word, idf: ENGLISH_IDF, weight: 1 });
  }
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, Term[]>();

/**
 * The terms of a text, in order, repeats included. Cached: profiles and listings are analysed on
 * every recommendation request and change rarely.
 */
export function analyse(text: string): Term[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out: Term[] = [];
  // English runs (words, spaces, hyphens) go to the phrase matcher; everything else to jieba, which
  // also keeps mixed glossary terms such as 12345热线 and X光 whole.
  let englishRun = "";
  const flush = () => {
    if (englishRun.trim()) englishTerms(englishRun, out);
    englishRun = "";
  };
  for (const { word, tag } of jieba().tag(text.normalize("NFKC"), true)) {
    if (hasHan(word)) {
      flush();
      chineseTerms(word, tag, out);
    } else if (/[A-Za-z0-9]/.test(word) || /^[\s\-/&'’]+$/.test(word)) {
      englishRun += word === "-" ? " " : word;
    } else {
      flush(); // punctuation ends a phrase
    }
  }
  flush();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, out);
  return out;
}
