import type { Hit, MultiSearchQuery, SearchResponse } from "meilisearch";
import { INDEXES } from "./client.server";
import { multiSearch } from "./multi-search.server";
import { SEARCHABLE_STATUSES, STATUS_PAIR_SEPARATOR, type ScenarioDoc } from "./documents";
import { fallbackScenarioSearch, withFallback } from "./db-fallback.server";
import { departmentNames } from "./department-names.server";
import {
  DEADLINE_WINDOWS, PAGE_SIZE, deadlineBounds,
  type DeadlineWindow, type ScenarioSearchState, type ScenarioSort,
} from "./search-params";
import { highlighting } from "./highlight";
import { windowCounts } from "./deadline-windows";
import type { Locale } from "../app/utils/i18n";

/**
 * The public scenario search over the Meilisearch index, with the database as the fallback when the
 * index cannot answer. Facet counts are "disjunctive": each group is counted with every other filter
 * applied but not its own, so ticking 医疗健康 still shows how many 教育 scenarios a second tick adds.
 */

export type ScenarioFacet = "sector" | "district" | "mechanism" | "status" | "department" | "budget" | "tag";
export const SCENARIO_FACETS: readonly ScenarioFacet[] = ["status", "sector", "district", "mechanism", "department", "budget", "tag"];

const ATTRIBUTE = {
  sector: "sector", district: "district", mechanism: "mechanism", status: "status",
  department: "departmentId", budget: "budgetBand", tag: "techTags",
} as const satisfies Record<ScenarioFacet, keyof ScenarioDoc>;

/** Facets with one value per listing, each with a document field pairing it with the status (documents.ts). */
const STATUS_PAIRED = {
  sector: "statusSector", district: "statusDistrict", mechanism: "statusMechanism", budget: "statusBudget",
} as const satisfies Partial<Record<ScenarioFacet, keyof ScenarioDoc>>;
type PairedFacet = keyof typeof STATUS_PAIRED;

/** One listing as the page shows it; title and summary may carry <mark> highlights (see search/highlight.ts). */
export type ScenarioHit = {
  id: string; code: string; status: string; mechanism: string; sector: string; district: string; techTags: string[];
  title: string; titleEn: string; summary: string; summaryEn: string;
  departmentId: string; departmentName: string; departmentNameEn: string;
  budgetMin: number | null; budgetMax: number | null;
  /** ISO strings, as the rest of the app hands dates to the browser. */
  deadline: string; publishedAt: string;
};

/** A missing group means "no counts" (the fallback does not count every group). */
export type FacetCounts<F extends string> = Partial<Record<F, Record<string, number>>>;

export type ScenarioSearchResult = {
  mode: "search" | "fallback";
  hits: ScenarioHit[];
  total: number;
  page: number;
  pages: number;
  facets: FacetCounts<ScenarioFacet>;
  deadlineCounts: Partial<Record<DeadlineWindow, number>>;
  /** Names for the department facet, whose values are organisation ids. */
  departments: { id: string; name: string; nameEn: string | null }[];
};

const RETRIEVE = [
  "id", "code", "status", "mechanism", "sector", "district", "techTags", "title", "titleEn", "summary", "summaryEn",
  "departmentId", "departmentName", "departmentNameEn", "budgetMin", "budgetMax", "deadline", "publishedAt",
];
const DEADLINE_DAY = "deadlineDay" satisfies keyof ScenarioDoc;
const HIGHLIGHT = ["title", "titleEn", "summary", "summaryEn"];
const ENGLISH_TEXTS = ["titleEn", "summaryEn"];
// A Chinese page shows only the Chinese texts (localisedText), so it neither fetches nor highlights the
// English ones: highlighting is the larger part of what Meilisearch spends on a page's listings.
const forLocale = (attributes: string[], locale?: Locale) => (locale === "zh-CN" ? attributes.filter((a) => !ENGLISH_TEXTS.includes(a)) : attributes);

// "relevance" sends no sort: the ranking rules end with publishedAt:desc, so an empty query lists newest first.
const SORT: Record<ScenarioSort, string[] | undefined> = {
  relevance: undefined,
  newest: ["publishedAt:desc"],
  deadline: ["deadline:asc"],
  budget: ["budget:desc"],
};

// Values are catalog keys or cuids (search-params.ts), but quote them properly anyway.
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function deadlineClause(window: DeadlineWindow, now: Date): string {
  const { from, before } = deadlineBounds(window, now);
  const parts: string[] = [];
  if (from) parts.push(`deadline >= ${Math.floor(from.getTime() / 1000)}`);
  if (before) parts.push(`deadline < ${Math.floor(before.getTime() / 1000)}`);
  return parts.join(" AND ");
}

/** Every active filter as AND-ed clauses, optionally leaving groups out (for their own counts). */
export function scenarioFilter(state: ScenarioSearchState, now: Date, ...except: (ScenarioFacet | "deadline")[]): string[] {
  const clauses: string[] = [];
  for (const facet of SCENARIO_FACETS) {
    if (!except.includes(facet) && state[facet].length > 0) clauses.push(`${ATTRIBUTE[facet]} IN [${state[facet].map(quote).join(", ")}]`);
  }
  // Drafts and cancelled listings are never indexed; this is the second lock when status is left out.
  if (except.includes("status")) clauses.push(`status IN [${SEARCHABLE_STATUSES.map(quote).join(", ")}]`);
  if (state.deadline && !except.includes("deadline")) clauses.push(deadlineClause(state.deadline, now));
  return clauses;
}

function toHit(hit: Hit<ScenarioDoc>): ScenarioHit {
  const f = hit._formatted ?? {};
  return {
    id: hit.id, code: hit.code, status: hit.status, mechanism: hit.mechanism, sector: hit.sector, district: hit.district,
    techTags: hit.techTags,
    title: String(f.title ?? hit.title), titleEn: String(f.titleEn ?? hit.titleEn ?? ""),
    summary: String(f.summary ?? hit.summary), summaryEn: String(f.summaryEn ?? hit.summaryEn ?? ""),
    departmentId: hit.departmentId, departmentName: hit.departmentName, departmentNameEn: hit.departmentNameEn ?? "",
    budgetMin: hit.budgetMin, budgetMax: hit.budgetMax,
    deadline: new Date(hit.deadline * 1000).toISOString(), publishedAt: new Date(hit.publishedAt * 1000).toISOString(),
  };
}

function isActive(state: ScenarioSearchState, facet: ScenarioFacet): boolean {
  // Status is always filtered (the default is "open"), so it always needs its own count query.
  return facet === "status" || state[facet].length > 0;
}

/**
 * Which active groups are counted how. Status is always filtered, so it always needs counting without
 * its own filter; when the page also filters by a facet that has a status pair (the first such), one
 * query counts both from the pair. Every other active group gets a count query of its own.
 */
function countPlan(state: ScenarioSearchState): { paired?: PairedFacet; separate: ScenarioFacet[] } {
  const paired = (Object.keys(STATUS_PAIRED) as PairedFacet[]).find((f) => state[f].length > 0);
  const separate = SCENARIO_FACETS.filter((f) => isActive(state, f) && !(paired && (f === "status" || f === paired)));
  return { paired, separate };
}

/**
 * Status's counts and the paired facet's from one distribution of their pairs: a status counts the
 * listings with a ticked value of the facet, a value the listings with a ticked status — what each
 * group's own count query (every filter but its own) would count. Pairs missing altogether while
 * listings matched mean an index built before the pairs (DOCUMENT_SHAPE): then the two groups have no
 * counts rather than wrong ones, until the reindex.
 */
function pairCounts(response: SearchResponse<ScenarioDoc>, state: ScenarioSearchState, facet: PairedFacet): FacetCounts<ScenarioFacet> {
  const pairs = response.facetDistribution?.[STATUS_PAIRED[facet]] ?? {};
  const status: Record<string, number> = {};
  const values: Record<string, number> = {};
  let counted = 0;
  for (const pair in pairs) {
    const at = pair.indexOf(STATUS_PAIR_SEPARATOR);
    const [statusKey, value, n] = [pair.slice(0, at), pair.slice(at + 1), pairs[pair]!];
    counted += n;
    if ((state[facet] as readonly string[]).includes(value)) status[statusKey] = (status[statusKey] ?? 0) + n;
    if (state.status.length === 0 || (state.status as readonly string[]).includes(statusKey)) values[value] = (values[value] ?? 0) + n;
  }
  if (counted === 0 && (response.estimatedTotalHits ?? 0) > 0) return {};
  return { status, [facet]: values };
}

/**
 * The main query and the count queries for the active facet groups (countPlan), in one round trip.
 * The deadline windows come from a facet on the deadline's day (deadline-windows.ts): from the main
 * query, or — when a window is selected, so the main query is narrowed to it — from one more count
 * query without that filter.
 * Exported for the page benchmark, which sends Meilisearch exactly these bodies.
 */
export function scenarioQueries(state: ScenarioSearchState, now: Date, page = state.page, locale?: Locale): MultiSearchQuery[] {
  const indexUid = INDEXES.scenarios;
  const q = state.q;
  const inactive = SCENARIO_FACETS.filter((f) => !isActive(state, f)).map((f) => ATTRIBUTE[f] as string);
  const main: MultiSearchQuery = {
    indexUid, q, filter: scenarioFilter(state, now), facets: state.deadline ? inactive : [...inactive, DEADLINE_DAY],
    page, hitsPerPage: PAGE_SIZE, sort: SORT[state.sort],
    ...highlighting(q, forLocale(RETRIEVE, locale), forLocale(HIGHLIGHT, locale)),
  };
  const { paired, separate } = countPlan(state);
  const pairQuery: MultiSearchQuery[] = paired
    ? [{ indexUid, q, filter: scenarioFilter(state, now, "status", paired), facets: [STATUS_PAIRED[paired]], limit: 0 }]
    : [];
  const facetQueries = separate.map((f): MultiSearchQuery => ({
    indexUid, q, filter: scenarioFilter(state, now, f), facets: [ATTRIBUTE[f]], limit: 0,
  }));
  const windowQuery: MultiSearchQuery[] = state.deadline
    ? [{ indexUid, q, filter: scenarioFilter(state, now, "deadline"), facets: [DEADLINE_DAY], limit: 0 }]
    : [];
  return [main, ...pairQuery, ...facetQueries, ...windowQuery];
}

async function searchIndex(state: ScenarioSearchState, now: Date, locale?: Locale): Promise<ScenarioSearchResult> {
  const run = async (page: number) => {
    const results = await multiSearch<ScenarioDoc>(scenarioQueries(state, now, page, locale), { together: true });
    return results as unknown as SearchResponse<ScenarioDoc, { page: number; hitsPerPage: number }>[];
  };
  let results = await run(state.page);
  // A page past the end (an old link after filters changed) shows the last page rather than nothing.
  if (results[0]!.hits.length === 0 && results[0]!.totalPages > 0 && state.page > results[0]!.totalPages) {
    results = await run(results[0]!.totalPages);
  }
  const [main, ...rest] = results;
  const facets: FacetCounts<ScenarioFacet> = {};
  const distribution = (r: SearchResponse<ScenarioDoc>, f: ScenarioFacet) => r.facetDistribution?.[ATTRIBUTE[f]] ?? {};
  for (const f of SCENARIO_FACETS.filter((x) => !isActive(state, x))) facets[f] = distribution(main!, f);
  const { paired, separate } = countPlan(state);
  let next = 0;
  if (paired) Object.assign(facets, pairCounts(rest[next++]!, state, paired));
  for (const f of separate) facets[f] = distribution(rest[next++]!, f);
  const perDay = (state.deadline ? rest[next]! : main!).facetDistribution?.[DEADLINE_DAY] ?? {};
  const deadlineCounts = windowCounts(perDay, DEADLINE_WINDOWS, now);
  const departmentIds = [...new Set([...Object.keys(facets.department ?? {}), ...state.department])];
  return {
    mode: "search",
    hits: main!.hits.map(toHit),
    total: main!.totalHits,
    page: main!.page,
    pages: Math.max(1, main!.totalPages),
    facets,
    deadlineCounts,
    departments: await departmentNames(departmentIds),
  };
}

/**
 * Search, or — when Meilisearch is down or failing — the database fallback, which the page announces.
 * With a Chinese locale the listings come without their English texts (the page does not show them).
 */
export function searchScenarios(state: ScenarioSearchState, now = new Date(), locale?: Locale): Promise<ScenarioSearchResult> {
  return withFallback("scenarios", () => searchIndex(state, now, locale), () => fallbackScenarioSearch(state, now));
}
