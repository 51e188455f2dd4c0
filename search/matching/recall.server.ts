import type { MultiSearchQuery } from "meilisearch";
import { multiSearch } from "../multi-search.server";
import { KIND_WEIGHT, mass, type Bag, type BagEntry } from "./bags";
import { conceptById } from "./glossary";

/**
 * Candidate recall for matching: one short query per word of substance of the asking side (its
 * most telling words first), all in ONE multi-search request, searched only on the other side's own
 * text fields — never on label fields (sector, tag, district names) or names, which are not evidence.
 * The result is the candidate ids, those found by the most telling words first; scoring happens on
 * the database rows (explain.ts, score.ts), so the index only has to find them.
 */
export type RecallOptions = {
  indexUid: string;
  bag: Bag;
  /** Always applied (status, exclusions). */
  filter?: string;
  /** The other side's free-text fields. */
  searchOn: readonly string[];
  /** Hits per query: enough to reach past the top few without dragging the whole index. */
  perQuery?: number;
  /** Candidates kept for scoring. */
  maxCandidates?: number;
};

export const MAX_QUERIES = 20;

/** Quotes a value for a Meilisearch filter expression. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The query for a word: a glossary concept by its Chinese name (Meilisearch's synonyms, built from
 * the same glossary, add the English ones), any other word as written.
 */
function queryOf(entry: BagEntry): string | null {
  const concept = conceptById(entry.id);
  return (concept ? (concept.zh ?? concept.en) : (entry.zh ?? entry.en)) ?? null;
}

/** The queries a bag is searched with: its words of substance, most telling first. */
export function recallQueries(bag: Bag, max = MAX_QUERIES): { q: string; weight: number }[] {
  const out: { q: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const entry of [...bag.values()].filter((e) => KIND_WEIGHT[e.kind] >= KIND_WEIGHT.technology).sort((a, b) => mass(b) - mass(a))) {
    const q = queryOf(entry);
    if (!q || seen.has(q)) continue;
    seen.add(q);
    out.push({ q, weight: mass(entry) });
    if (out.length >= max) break;
  }
  return out;
}

export async function recall(options: RecallOptions): Promise<string[]> {
  const queries = recallQueries(options.bag);
  if (queries.length === 0) return [];
  const multi: MultiSearchQuery[] = queries.map(({ q }) => ({
    indexUid: options.indexUid,
    q,
    filter: options.filter,
    attributesToSearchOn: [...options.searchOn],
    attributesToRetrieve: ["id"],
    // Every word of the query must be there: a query is one word or one glossary phrase.
    matchingStrategy: "all",
    limit: options.perQuery ?? 40,
  }));
  const results = await multiSearch(multi);
  const strength = new Map<string, number>();
  results.forEach((result, i) => {
    for (const hit of result.hits) {
      const id = String(hit.id);
      strength.set(id, (strength.get(id) ?? 0) + queries[i]!.weight);
    }
  });
  return [...strength].sort((a, b) => b[1] - a[1]).slice(0, options.maxCandidates ?? 150).map(([id]) => id);
}
