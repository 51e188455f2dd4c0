import type { Meilisearch } from "meilisearch";
import { INDEXES } from "./client.server";
import { DOCUMENT_SHAPE } from "./documents";

/**
 * Whether the live index was built by this release's documents (DOCUMENT_SHAPE). An index built by an
 * older one still answers, but with fields of the old kind: a facet that counts nothing, a filter that
 * matches nothing. One document tells, because a reindex writes them all; an empty index tells nothing.
 */
export async function indexShape(client: Meilisearch): Promise<"current" | "stale" | "empty"> {
  const { results } = await client.index(INDEXES.scenarios).getDocuments<{ shape?: unknown }>({ limit: 1, fields: ["shape"] });
  if (results.length === 0) return "empty";
  return results[0]!.shape === DOCUMENT_SHAPE ? "current" : "stale";
}

export const STALE_INDEX_MESSAGE = `the search index was built by an older release (this one writes documents of shape ${DOCUMENT_SHAPE})`;
