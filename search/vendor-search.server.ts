import type { Hit, MultiSearchQuery, SearchResponse } from "meilisearch";
import { INDEXES } from "./client.server";
import { multiSearch } from "./multi-search.server";
import { PROFILE_ORG_TYPES, type VendorDoc } from "./documents";
import { fallbackVendorSearch, withFallback } from "./db-fallback.server";
import { highlighting } from "./highlight";
import { PAGE_SIZE, type VendorSearchState, type VendorSort } from "./search-params";
import type { FacetCounts } from "./scenario-search.server";

/**
 * The public vendor directory (companies and institutes with a capability profile), searched in the
 * Meilisearch vendors index with the same disjunctive facets as scenarios, or the database when the
 * index cannot answer.
 */

export type VendorFacet = "sector" | "tag" | "district" | "type" | "verified";
export const VENDOR_FACETS: readonly VendorFacet[] = ["type", "verified", "sector", "tag", "district"];

const ATTRIBUTE = {
  sector: "sectors", tag: "techTags", district: "districts", type: "type", verified: "verified",
} as const satisfies Record<VendorFacet, keyof VendorDoc>;

/** name, nameEn, intro and introEn may carry <mark> highlights. */
export type VendorHit = {
  id: string; name: string; nameEn: string; type: string; verified: boolean;
  intro: string; introEn: string;
  sectors: string[]; techTags: string[]; districts: string[]; products: string[]; pastCaseCount: number;
};

export type VendorSearchResult = {
  mode: "search" | "fallback";
  hits: VendorHit[];
  total: number;
  page: number;
  pages: number;
  facets: FacetCounts<VendorFacet>;
};

const RETRIEVE = ["id", "name", "nameEn", "type", "verified", "intro", "introEn", "sectors", "techTags", "districts", "products", "pastCaseCount"];
const HIGHLIGHT = ["name", "nameEn", "intro", "introEn"];

// "relevance" sends no sort: ties are broken by pastCaseCount:desc in the ranking rules.
const SORT: Record<VendorSort, string[] | undefined> = {
  relevance: undefined,
  cases: ["pastCaseCount:desc"],
  updated: ["updatedAt:desc"],
};

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function selected(state: VendorSearchState, facet: VendorFacet): string[] {
  return facet === "verified" ? (state.verified ? ["true"] : []) : state[facet];
}

export function vendorFilter(state: VendorSearchState, except?: VendorFacet): string[] {
  const clauses: string[] = [];
  for (const facet of VENDOR_FACETS) {
    const values = selected(state, facet);
    if (facet === except || values.length === 0) continue;
    clauses.push(facet === "verified" ? "verified = true" : `${ATTRIBUTE[facet]} IN [${values.map(quote).join(", ")}]`);
  }
  // Departments are never indexed; this is the second lock.
  if (except === "type" || state.type.length === 0) clauses.push(`type IN [${PROFILE_ORG_TYPES.map(quote).join(", ")}]`);
  return clauses;
}

function toHit(hit: Hit<VendorDoc>): VendorHit {
  const f = hit._formatted ?? {};
  return {
    id: hit.id, name: String(f.name ?? hit.name), nameEn: String(f.nameEn ?? hit.nameEn ?? ""),
    type: hit.type, verified: hit.verified,
    intro: String(f.intro ?? hit.intro), introEn: String(f.introEn ?? hit.introEn ?? ""),
    sectors: hit.sectors, techTags: hit.techTags, districts: hit.districts, products: hit.products,
    pastCaseCount: hit.pastCaseCount,
  };
}

function buildQueries(state: VendorSearchState, page: number): MultiSearchQuery[] {
  const indexUid = INDEXES.vendors;
  const active = VENDOR_FACETS.filter((f) => selected(state, f).length > 0);
  const inactive = VENDOR_FACETS.filter((f) => !active.includes(f));
  const main: MultiSearchQuery = {
    indexUid, q: state.q, filter: vendorFilter(state), facets: inactive.map((f) => ATTRIBUTE[f]),
    page, hitsPerPage: PAGE_SIZE, sort: SORT[state.sort],
    ...highlighting(state.q, RETRIEVE, HIGHLIGHT),
  };
  return [main, ...active.map((f): MultiSearchQuery => ({ indexUid, q: state.q, filter: vendorFilter(state, f), facets: [ATTRIBUTE[f]], limit: 0 }))];
}

async function searchIndex(state: VendorSearchState): Promise<VendorSearchResult> {
  const run = async (page: number) => {
    const results = await multiSearch<VendorDoc>(buildQueries(state, page), { together: true });
    return results as unknown as SearchResponse<VendorDoc, { page: number; hitsPerPage: number }>[];
  };
  let results = await run(state.page);
  if (results[0]!.hits.length === 0 && results[0]!.totalPages > 0 && state.page > results[0]!.totalPages) {
    results = await run(results[0]!.totalPages);
  }
  const [main, ...rest] = results;
  const active = VENDOR_FACETS.filter((f) => selected(state, f).length > 0);
  const facets: FacetCounts<VendorFacet> = {};
  for (const f of VENDOR_FACETS) {
    const i = active.indexOf(f);
    facets[f] = (i < 0 ? main! : rest[i]!).facetDistribution?.[ATTRIBUTE[f]] ?? {};
  }
  return {
    mode: "search",
    hits: main!.hits.map(toHit),
    total: main!.totalHits,
    page: main!.page,
    pages: Math.max(1, main!.totalPages),
    facets,
  };
}

export function searchVendors(state: VendorSearchState): Promise<VendorSearchResult> {
  return withFallback("vendors", () => searchIndex(state), () => fallbackVendorSearch(state));
}
