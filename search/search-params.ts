import { DISTRICTS, MECHANISMS, SECTORS, TECH_TAGS, keys } from "../app/modules/scenarios/catalog";
import { BUDGET_BANDS } from "./budget-bands";
import type { SearchableStatus } from "./documents";

/**
 * The whole state of a search page lives in the URL, so a search can be shared, bookmarked and run
 * without JavaScript (a plain GET form). Parsing never throws: a value we do not know (an old link,
 * a hand-edited URL, a removed tag) is dropped, never a 400 or 500. Serialising writes a canonical
 * URL (fixed order, catalog order within a list, defaults left out), so parse ∘ serialise is the identity.
 */

/**
 * The public statuses, as in documents.ts (SEARCHABLE_STATUSES). Repeated here because this module is
 * bundled for the browser and documents.ts pulls in the Markdown parser; the check below fails the
 * typecheck if the two lists ever differ.
 */
export const SEARCHABLE_STATUSES = [
  "published", "closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed",
] as const satisfies readonly SearchableStatus[];
const sameStatuses: Exclude<SearchableStatus, (typeof SEARCHABLE_STATUSES)[number]> extends never ? true : false = true;
void sameStatuses;

export const PAGE_SIZE = 20;
// Meilisearch counts and pages up to pagination.maxTotalHits (20,000 in search/settings.ts).
export const MAX_PAGE = 1000;
export const MAX_QUERY_LENGTH = 100;
const MAX_DEPARTMENTS = 20;

export const SCENARIO_SORTS = ["relevance", "newest", "deadline", "budget"] as const;
export const VENDOR_SORTS = ["relevance", "cases", "updated"] as const;
export const DEADLINE_WINDOWS = ["7d", "30d", "later", "passed"] as const;
export const VENDOR_TYPES = ["vendor", "institute"] as const;
/** The public default: only open calls. Other public statuses are a facet away; drafts and cancelled never. */
export const DEFAULT_STATUSES: readonly SearchableStatus[] = ["published"];

export type ScenarioSort = (typeof SCENARIO_SORTS)[number];
export type VendorSort = (typeof VENDOR_SORTS)[number];
export type DeadlineWindow = (typeof DEADLINE_WINDOWS)[number];
export type VendorType = (typeof VENDOR_TYPES)[number];

const SCENARIO_LISTS = {
  sector: keys(SECTORS),
  district: keys(DISTRICTS),
  mechanism: keys(MECHANISMS),
  status: SEARCHABLE_STATUSES,
  budget: keys(BUDGET_BANDS),
  tag: keys(TECH_TAGS),
} as const;

const VENDOR_LISTS = {
  sector: keys(SECTORS),
  tag: keys(TECH_TAGS),
  district: keys(DISTRICTS),
  type: VENDOR_TYPES,
} as const;

type Lists<L extends Record<string, readonly string[]>> = { -readonly [K in keyof L]: L[K][number][] };

export type ScenarioListFacet = keyof typeof SCENARIO_LISTS | "department";
export type ScenarioSearchState = Lists<typeof SCENARIO_LISTS> & {
  q: string;
  department: string[];
  deadline: DeadlineWindow | null;
  sort: ScenarioSort;
  page: number;
};

export type VendorListFacet = keyof typeof VENDOR_LISTS;
export type VendorSearchState = Lists<typeof VENDOR_LISTS> & { q: string; verified: boolean; sort: VendorSort; page: number };

// Whitespace collapsed, control characters dropped, length capped: a pasted paragraph still searches.
function query(value: string | null): string {
  if (!value) return "";
  return value.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** Known values only, each once, in the order of `allowed` (which makes the URL canonical). */
function listOf<T extends string>(allowed: readonly T[], values: readonly string[]): T[] {
  return values.length === 0 ? [] : allowed.filter((key) => values.includes(key));
}

// Organisation ids are cuids; anything else cannot be a department and is dropped.
function departmentIds(values: string[]): string[] {
  return [...new Set(values.filter((v) => /^[a-z0-9]{8,40}$/i.test(v)))].sort().slice(0, MAX_DEPARTMENTS);
}

// Empty strings come from a form's "any" option or an empty text box: treat them as absent.
function single(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) || undefined;
}

/** A page number from 1 to MAX_PAGE, read as Number() reads it; anything else is page 1. */
function page(params: URLSearchParams): number {
  const raw = single(params, "page");
  const n = raw === undefined ? 1 : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

// Plain functions rather than a schema: this runs on every search page, and a schema library's
// parse cost more than the rest of the loader's own work on the list page.
export function parseScenarioSearch(params: URLSearchParams): ScenarioSearchState {
  const rawStatus = params.getAll("status");
  // "all" is the short form of every public status (the link "全部公开状态").
  const status = listOf(SCENARIO_LISTS.status, rawStatus.includes("all") ? SEARCHABLE_STATUSES : rawStatus);
  const deadline = single(params, "deadline");
  return {
    q: query(params.get("q")),
    sector: listOf(SCENARIO_LISTS.sector, params.getAll("sector")),
    district: listOf(SCENARIO_LISTS.district, params.getAll("district")),
    mechanism: listOf(SCENARIO_LISTS.mechanism, params.getAll("mechanism")),
    status: status.length > 0 ? status : [...DEFAULT_STATUSES],
    department: departmentIds(params.getAll("department")),
    budget: listOf(SCENARIO_LISTS.budget, params.getAll("budget")),
    deadline: deadline !== undefined && (DEADLINE_WINDOWS as readonly string[]).includes(deadline) ? (deadline as DeadlineWindow) : null,
    tag: listOf(SCENARIO_LISTS.tag, params.getAll("tag")),
    sort: oneOf(SCENARIO_SORTS, single(params, "sort"), "relevance"),
    page: page(params),
  };
}

export function parseVendorSearch(params: URLSearchParams): VendorSearchState {
  return {
    q: query(params.get("q")),
    sector: listOf(VENDOR_LISTS.sector, params.getAll("sector")),
    tag: listOf(VENDOR_LISTS.tag, params.getAll("tag")),
    district: listOf(VENDOR_LISTS.district, params.getAll("district")),
    type: listOf(VENDOR_LISTS.type, params.getAll("type")),
    verified: ["1", "true", "on"].includes(params.get("verified") ?? ""),
    sort: oneOf(VENDOR_SORTS, single(params, "sort"), "relevance"),
    page: page(params),
  };
}

export function isDefaultStatus(status: readonly string[]): boolean {
  return status.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => status.includes(s));
}

export function isAllStatuses(status: readonly string[]): boolean {
  return SEARCHABLE_STATUSES.every((s) => status.includes(s));
}

export function serializeScenarioSearch(state: ScenarioSearchState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set("q", state.q);
  for (const name of ["sector", "district", "mechanism"] as const) for (const v of state[name]) out.append(name, v);
  if (isAllStatuses(state.status)) out.set("status", "all");
  else if (!isDefaultStatus(state.status)) for (const v of state.status) out.append("status", v);
  for (const v of state.department) out.append("department", v);
  for (const v of state.budget) out.append("budget", v);
  if (state.deadline) out.set("deadline", state.deadline);
  for (const v of state.tag) out.append("tag", v);
  if (state.sort !== "relevance") out.set("sort", state.sort);
  if (state.page > 1) out.set("page", String(state.page));
  return out;
}

export function serializeVendorSearch(state: VendorSearchState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set("q", state.q);
  for (const name of ["sector", "tag", "district", "type"] as const) for (const v of state[name]) out.append(name, v);
  if (state.verified) out.set("verified", "1");
  if (state.sort !== "relevance") out.set("sort", state.sort);
  if (state.page > 1) out.set("page", String(state.page));
  return out;
}

/** `path?query`, or just `path` when every value is the default. */
export function hrefOf(path: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** One thing a reader can take away from a search (a chip, or an empty-result suggestion). */
export type ActiveFilter = { name: string; value: string };

export function activeScenarioFilters(state: ScenarioSearchState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (state.q) out.push({ name: "q", value: state.q });
  for (const name of ["sector", "district", "mechanism", "department", "budget", "tag"] as const) {
    for (const value of state[name]) out.push({ name, value });
  }
  // Every public status is one choice ("全部公开状态"), not eight chips.
  if (isAllStatuses(state.status)) out.push({ name: "status", value: "all" });
  else if (!isDefaultStatus(state.status)) for (const value of state.status) out.push({ name: "status", value });
  if (state.deadline) out.push({ name: "deadline", value: state.deadline });
  return out;
}

/** The same search without one filter, back on page 1 (removing the last status returns to the default). */
export function withoutScenarioFilter(state: ScenarioSearchState, filter: ActiveFilter): ScenarioSearchState {
  const next: ScenarioSearchState = { ...state, page: 1 };
  if (filter.name === "q") next.q = "";
  else if (filter.name === "deadline") next.deadline = null;
  else if (filter.name === "status") {
    const rest = filter.value === "all" ? [] : state.status.filter((s) => s !== filter.value);
    next.status = rest.length > 0 ? rest : [...DEFAULT_STATUSES];
  } else if (filter.name in SCENARIO_LISTS || filter.name === "department") {
    const name = filter.name as Exclude<ScenarioListFacet, "status">;
    (next[name] as string[]) = (state[name] as string[]).filter((v) => v !== filter.value);
  }
  return next;
}

export function activeVendorFilters(state: VendorSearchState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (state.q) out.push({ name: "q", value: state.q });
  for (const name of ["sector", "tag", "district", "type"] as const) for (const value of state[name]) out.push({ name, value });
  if (state.verified) out.push({ name: "verified", value: "1" });
  return out;
}

export function withoutVendorFilter(state: VendorSearchState, filter: ActiveFilter): VendorSearchState {
  const next: VendorSearchState = { ...state, page: 1 };
  if (filter.name === "q") next.q = "";
  else if (filter.name === "verified") next.verified = false;
  else if (filter.name in VENDOR_LISTS) {
    const name = filter.name as VendorListFacet;
    (next[name] as string[]) = (state[name] as string[]).filter((v) => v !== filter.value);
  }
  return next;
}

export const SCENARIO_FACET_VALUES = SCENARIO_LISTS;
export const VENDOR_FACET_VALUES = VENDOR_LISTS;

export { deadlineBounds } from "./deadline-windows";
