import type { MultiSearchQuery } from "meilisearch";
import { meili } from "../client.server";
import { TEXT_NOISE, specificity } from "./score";
import { matchedWords, meaningfulTerms, type MatchPosition } from "./text";
import type { QueryHit, TextEvidence } from "./types";

/**
 * Candidate recall for matching: every short query (one per product, past case, phrase…) plus one
 * filter-only query for documents sharing a sector or a tag, all in ONE multi-search request. The
 * result is, per document id, the ranking scores of the text queries that found it and the words
 * they matched. Documents found only by the filter query get no text evidence: they can still
 * match on sector, tags and past cases (score.ts decides).
 */
export type RecallOptions = {
  indexUid: string;
  queries: readonly string[];
  /** Always applied (status, exclusions). */
  filter?: string;
  /** Sector / tag overlap, OR-ed; null to skip the structured channel. */
  structuredFilter: string | null;
  /** Fields whose matched words explain a match. */
  termFields: readonly string[];
  /** Hits per query: enough to reach past the top few without dragging the whole index. */
  perQuery?: number;
};

const and = (...clauses: (string | null | undefined)[]) =>
  clauses.filter(Boolean).map((c) => `(${c})`).join(" AND ") || undefined;

/** Quotes a value for a Meilisearch filter expression. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function inList(attribute: string, values: readonly string[]): string | null {
  return values.length > 0 ? `${attribute} IN [${values.map(quote).join(", ")}]` : null;
}

export async function recall(options: RecallOptions): Promise<Map<string, TextEvidence>> {
  const perQuery = options.perQuery ?? 20;
  const base = {
    indexUid: options.indexUid,
    // Only what is needed to read the matched words back; the rows themselves come from the database.
    attributesToRetrieve: ["id", ...options.termFields],
    showRankingScore: true,
    showMatchesPosition: true,
    // "last": drop words from the end until something matches, so a partial fit still scores (lower).
    matchingStrategy: "last",
    limit: perQuery,
  } satisfies Partial<MultiSearchQuery>;
  const queries: MultiSearchQuery[] = options.queries.map((q) => ({ ...base, q, filter: and(options.filter) }));
  // How many documents the filter admits: the N of each query's specificity.
  queries.push({ ...base, q: "", filter: and(options.filter), limit: 0, showMatchesPosition: false });
  if (options.structuredFilter) {
    queries.push({ ...base, q: "", filter: and(options.filter, options.structuredFilter), showMatchesPosition: false, limit: 50 });
  }
  const { results } = await meili().multiSearch({ queries });
  const total = results[options.queries.length]?.estimatedTotalHits ?? 0;

  const found = new Map<string, { hits: QueryHit[]; words: string[] }>();
  results.forEach((result, i) => {
    const textQuery = i < options.queries.length;
    const querySpecificity = specificity(result.estimatedTotalHits ?? result.hits.length, total);
    for (const hit of result.hits) {
      const id = String(hit.id);
      const entry = found.get(id) ?? { hits: [], words: [] };
      found.set(id, entry);
      if (!textQuery) continue;
      const score = hit._rankingScore ?? 0;
      entry.hits.push({ rankingScore: score, specificity: querySpecificity });
      // Words of a weak partial hit would "explain" a match by chance; only strong hits speak.
      if (score > TEXT_NOISE) {
        entry.words.push(...matchedWords(hit, hit._matchesPosition as Record<string, MatchPosition[]> | undefined, options.termFields));
      }
    }
  });
  return new Map([...found].map(([id, e]) => [id, { hits: e.hits, terms: meaningfulTerms(e.words) }]));
}
