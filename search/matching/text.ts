/**
 * Pure text helpers for matching: turning a profile or a listing into short search queries, pulling
 * the matched words out of a Meilisearch hit, and a character-bigram similarity for past cases.
 *
 * Why short queries: Meilisearch ranks by the share of query words a document contains, so one long
 * query made of a whole profile would match everything a little and nothing well. One query per
 * product, past case or intro phrase keeps each score meaningful ("this listing covers that product").
 */

import { DISTRICTS } from "../../app/modules/scenarios/catalog";

// Words that appear in nearly every listing and profile ("智能", "平台", "提供"…): they would make every
// document match every profile. Longer words first so "人工智能" goes before "智能". Look-arounds keep
// real terms intact: "智能体" (AI agent) and "具身智能" (embodied AI) are capabilities, not filler.
const GENERIC_PATTERNS: RegExp[] = [
  /人工智能/g, /(?<!具身)智能(?!体|网联)/g, /解决方案/g, /一体化/g, /数字化/g, /信息化/g,
  /系统/g, /平台/g, /建设/g, /应用/g, /提供/g, /服务/g, /企业/g, /公司/g, /产品/g, /技术/g,
  /研发/g, /方案/g, /整体/g, /管理/g, /辅助/g, /开展/g, /实现/g, /提升/g, /支撑/g, /面向/g,
  /基于/g, /利用/g, /构建/g, /打造/g, /推进/g, /探索/g, /支持/g, /相关/g, /能力/g, /领域/g,
  /行业/g, /软件/g, /引擎/g, /工具/g, /助手/g, /小程序/g, /试点/g, /示范/g, /项目/g, /研究/g,
  /开发/g, /国产/g, /新型/g, /覆盖/g, /主要/g, /各类/g, /多种/g, /以及/g, /立足/g, /专注/g,
  /机构/g, /单位/g, /完成/g, /进行/g, /省级/g, /市级/g, /全市/g, /全省/g, /需求/g, /场景/g,
  /\bAI\b/gi,
  // Place names: where a listing is and where a vendor works is the district signal (score.ts);
  // as words they would match every organisation registered there.
  ...DISTRICTS.map((d) => new RegExp(d.zh.replace(/（.*）/, ""), "g")),
  /郑州/g, /河南/g, /航空港/g,
];

/** Function words and punctuation that separate phrases. */
const SEPARATORS = /[\s，。、；：:;,.!?！？（）()《》【】"'“”‘’\-—·/]+|与|和|及|等|的|为|在|对|已|并|或|于/g;

/** Removes filler words and splits into the meaningful pieces of a phrase. */
export function keyPieces(text: string): string[] {
  let cleaned = text;
  for (const pattern of GENERIC_PATTERNS) cleaned = cleaned.replace(pattern, " ");
  return cleaned
    .split(SEPARATORS)
    .map((piece) => piece.trim())
    // Digits and single characters ("1.2万", "库") match by accident, never by meaning.
    .filter((piece) => piece.length >= 2 && !/^[\d.%万亿千百个项年月日]+$/.test(piece));
}

/** A query string from a phrase, or null when nothing meaningful is left. */
export function phraseQuery(text: string): string | null {
  const pieces = keyPieces(text);
  return pieces.length > 0 ? pieces.join(" ") : null;
}

/**
 * Short queries from running text: each meaningful piece, and long Han pieces cut into 4-character
 * windows (step 2, so most two-character words stay whole). Profiles are short, so a long phrase
 * from a listing rarely matches one as a whole, and Meilisearch's "last" strategy only credits the
 * words at the start of a query: short windows let every part of the listing speak.
 */
export function windowQueries(texts: readonly string[], max: number): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const piece of keyPieces(text)) {
      if (piece.length <= 5 || !/^\p{Script=Han}+$/u.test(piece)) out.add(piece);
      else for (let i = 0; i + 2 < piece.length; i += 2) out.add(piece.slice(i, i + 4));
      if (out.size >= max) return [...out].slice(0, max);
    }
  }
  return [...out];
}

/** Splits running text (an intro, a summary) into clause-sized phrases. */
export function clauses(text: string): string[] {
  return text.split(/[，。；;,.！!？?\n]+/).map((c) => c.trim()).filter(Boolean);
}

/** Distinct non-empty queries, in order, at most `max`. */
export function distinctQueries(phrases: readonly string[], max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const phrase of phrases) {
    const query = phraseQuery(phrase);
    if (!query || seen.has(query)) continue;
    seen.add(query);
    out.push(query);
    if (out.length >= max) break;
  }
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type MatchPosition = { start: number; length: number; indices?: number[] };

/**
 * The words a hit matched, read from `_matchesPosition`. Meilisearch reports byte offsets into the
 * UTF-8 text (not string indices), so slicing must happen on the encoded bytes. Array fields report
 * which element matched in `indices`.
 */
export function matchedWords(
  doc: Record<string, unknown>,
  positions: Record<string, MatchPosition[]> | undefined,
  fields: readonly string[],
): string[] {
  const words: string[] = [];
  for (const field of fields) {
    const value = doc[field];
    for (const position of positions?.[field] ?? []) {
      const text = Array.isArray(value) ? String(value[position.indices?.[0] ?? 0] ?? "") : String(value ?? "");
      const word = decoder.decode(encoder.encode(text).subarray(position.start, position.start + position.length));
      if (word) words.push(word);
    }
  }
  return words;
}

/** Keeps matched words a reader would call a reason: no filler, no single characters, no repeats. */
export function meaningfulTerms(words: readonly string[], max = 8): string[] {
  const counts = new Map<string, { word: string; n: number }>();
  for (const word of words) {
    const pieces = keyPieces(word);
    for (const piece of pieces) {
      const key = piece.toLowerCase();
      const entry = counts.get(key) ?? { word: piece, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, max).map((e) => e.word);
}

/** Character bigrams of the Han runs plus whole Latin words; the unit of past-case similarity. */
export function grams(text: string): Set<string> {
  const out = new Set<string>();
  let cleaned = text;
  for (const pattern of GENERIC_PATTERNS) cleaned = cleaned.replace(pattern, " ");
  for (const run of cleaned.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) out.add(run.slice(i, i + 2));
  }
  for (const word of cleaned.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) out.add(word);
  return out;
}

/**
 * How much of `needle` (a past case) is found in `haystack` (a listing): the share of the case's
 * bigrams present in the listing. Containment, not Jaccard, because a case title is short and a
 * listing long; a case is "similar" when much of what it was about appears in the listing.
 */
export function containment(needle: ReadonlySet<string>, haystack: ReadonlySet<string>): { share: number; shared: number } {
  if (needle.size === 0) return { share: 0, shared: 0 };
  let shared = 0;
  for (const g of needle) if (haystack.has(g)) shared += 1;
  return { share: shared / needle.size, shared };
}
