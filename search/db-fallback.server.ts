import type { Prisma } from "../app/generated/prisma/client";
import { db } from "../app/utils/db.server";
import { degradedSearchQueue } from "../app/utils/degraded-search-queue.server";
import { BUDGET_BANDS } from "./budget-bands";
import { isSearchUnavailable } from "./client.server";
import { SEARCHABLE_STATUSES } from "./documents";
import { markTerms } from "./highlight";
import { departmentNames } from "./department-names.server";
import { countedFacets, searchPageQuery, termsOf } from "./scenario-fallback-sql.server";
import {
  PAGE_SIZE, deadlineBounds,
  type ScenarioSearchState, type VendorSearchState,
} from "./search-params";
import type { FacetCounts, ScenarioFacet, ScenarioHit, ScenarioSearchResult } from "./scenario-search.server";
import type { VendorFacet, VendorHit, VendorSearchResult } from "./vendor-search.server";

/**
 * Degraded search (DESIGN §3): the database is the source of truth, so when Meilisearch cannot answer
 * the pages still list the right rows — a plain ILIKE match on title/summary with the same filters and
 * sort orders. No typo tolerance, synonyms or ranking; the page says so.
 */

// After a connection failure, skip Meilisearch for a few seconds: a dead host would otherwise cost
// every request its full timeout. Short, so search comes back soon after Meilisearch does.
const COOL_DOWN_MS = 5_000;
const breaker = globalThis as unknown as { __jiebangSearchDownUntil?: number };

export async function withFallback<T>(what: string, primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
  const degraded = () => degradedSearchQueue.run(fallback);
  if ((breaker.__jiebangSearchDownUntil ?? 0) > Date.now()) return degraded();
  try {
    return await primary();
  } catch (error) {
    if (isSearchUnavailable(error)) {
      breaker.__jiebangSearchDownUntil = Date.now() + COOL_DOWN_MS;
      console.warn(`[search] Meilisearch unavailable (${error instanceof Error ? error.message : String(error)}); ${what} from the database`);
    } else {
      // A malformed query is our bug: log it loudly, but the reader still gets an answer.
      console.error(`[search] ${what} search failed; answering from the database`, error);
    }
    return degraded();
  }
}

// Prisma passes `contains` into ILIKE as is: escape LIKE's wildcards so "%" or "_" are text, not "anything".
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function textMatch<F extends string>(terms: string[], fields: readonly F[]) {
  return terms.map((term) => ({ OR: fields.map((field) => ({ [field]: { contains: likeLiteral(term), mode: "insensitive" as const } })) }));
}

// Bands by the listing's best known upper bound (budgetMax, else budgetMin), as budgetBand() indexes them.
function budgetCondition(key: string): Prisma.ScenarioWhereInput {
  if (key === "negotiable") {
    return { OR: [{ budgetMax: null, budgetMin: null }, { budgetMax: { lte: 0n } }, { budgetMax: null, budgetMin: { lte: 0n } }] };
  }
  const index = BUDGET_BANDS.findIndex((b) => b.key === key);
  const low = BigInt(index <= 0 ? 1 : BUDGET_BANDS[index - 1]!.maxYuan + 1);
  const max = BUDGET_BANDS[index]!.maxYuan;
  const range = Number.isFinite(max) ? { gte: low, lte: BigInt(max) } : { gte: low };
  return { OR: [{ budgetMax: range }, { budgetMax: null, budgetMin: range }] };
}

/** The search page's filters and words as a database condition (also the digests' fallback). */
export function scenarioWhere(state: ScenarioSearchState, now: Date, except?: ScenarioFacet): Prisma.ScenarioWhereInput {
  const and: Prisma.ScenarioWhereInput[] = [
    // Public listings only: published once, never a draft or a cancelled one, whatever the URL asks.
    { publishedAt: { not: null } },
    { status: { in: except === "status" ? [...SEARCHABLE_STATUSES] : state.status } },
  ];
  if (except !== "sector" && state.sector.length) and.push({ sector: { in: state.sector } });
  if (except !== "district" && state.district.length) and.push({ district: { in: state.district } });
  if (except !== "mechanism" && state.mechanism.length) and.push({ mechanism: { in: state.mechanism } });
  if (except !== "department" && state.department.length) and.push({ departmentId: { in: state.department } });
  if (except !== "tag" && state.tag.length) and.push({ techTags: { hasSome: state.tag } });
  if (except !== "budget" && state.budget.length) and.push({ OR: state.budget.map(budgetCondition) });
  if (state.deadline) {
    const { from, before } = deadlineBounds(state.deadline, now);
    and.push({ deadline: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } });
  }
  and.push(...textMatch(termsOf(state.q), ["title", "titleEn", "summary", "summaryEn"] as const));
  return { AND: and };
}

// One listing as the page statement returns it (JSON: bigints as numbers, dates as epoch milliseconds).
type FallbackRow = {
  id: string; code: string; status: string; mechanism: string; sector: string; district: string; techTags: string[];
  title: string; titleEn: string | null; summary: string; summaryEn: string | null; budgetMin: number | null; budgetMax: number | null;
  deadline: number; publishedAt: number | null; departmentId: string; departmentName: string; departmentNameEn: string | null;
};

export async function fallbackScenarioSearch(state: ScenarioSearchState, now: Date): Promise<ScenarioSearchResult> {
  const [{ counts, listings }] = await db.$queryRaw<[{ counts: { facet: string; value: string; n: number }[]; listings: FallbackRow[] }]>(
    searchPageQuery(state, now, PAGE_SIZE),
  );
  const total = counts.find((c) => c.facet === "total")?.n ?? 0;
  const facets: FacetCounts<ScenarioFacet> = Object.fromEntries(countedFacets().map(([facet]) => [facet, {}]));
  for (const { facet, value, n } of counts) if (facet !== "total") facets[facet as ScenarioFacet]![value] = n;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const terms = termsOf(state.q);
  const hits = listings.map((r): ScenarioHit => ({
    id: r.id, code: r.code, status: r.status, mechanism: r.mechanism, sector: r.sector, district: r.district, techTags: r.techTags,
    title: markTerms(r.title, terms), titleEn: markTerms(r.titleEn ?? "", terms),
    summary: markTerms(r.summary, terms), summaryEn: markTerms(r.summaryEn ?? "", terms),
    departmentId: r.departmentId, departmentName: r.departmentName, departmentNameEn: r.departmentNameEn ?? "",
    budgetMin: r.budgetMin, budgetMax: r.budgetMax,
    deadline: new Date(r.deadline).toISOString(), publishedAt: new Date(r.publishedAt ?? r.deadline).toISOString(),
  }));
  const departmentIds = [...new Set([...Object.keys(facets.department ?? {}), ...state.department])];
  return { mode: "fallback", hits, total, page: Math.min(state.page, pages), pages, facets, deadlineCounts: {}, departments: await departmentNames(departmentIds) };
}

function vendorWhere(state: VendorSearchState, except?: VendorFacet): Prisma.OrganisationWhereInput {
  const and: Prisma.OrganisationWhereInput[] = [
    { type: { in: except !== "type" && state.type.length ? state.type : ["vendor", "institute"] } },
  ];
  if (except !== "sector" && state.sector.length) and.push({ sectors: { hasSome: state.sector } });
  if (except !== "tag" && state.tag.length) and.push({ techTags: { hasSome: state.tag } });
  // The index merges the registered district into the districts served; so does this.
  if (except !== "district" && state.district.length) {
    and.push({ OR: [{ districts: { hasSome: state.district } }, { district: { in: state.district } }] });
  }
  if (except !== "verified" && state.verified) and.push({ verified: true });
  and.push(...textMatch(termsOf(state.q), ["name", "nameEn", "shortName", "intro", "introEn"] as const));
  return { AND: and };
}

const VENDOR_ORDER: Record<VendorSearchState["sort"], Prisma.OrganisationOrderByWithRelationInput[]> = {
  relevance: [{ verified: "desc" }, { name: "asc" }],
  cases: [{ pastCases: { _count: "desc" } }, { name: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
};

export async function fallbackVendorSearch(state: VendorSearchState): Promise<VendorSearchResult> {
  const where = vendorWhere(state);
  const [total, types, verified] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.groupBy({ by: ["type"], where: vendorWhere(state, "type"), _count: { _all: true } }),
    db.organisation.count({ where: { AND: [vendorWhere(state, "verified"), { verified: true }] } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const rows = await db.organisation.findMany({
    where,
    select: {
      id: true, name: true, nameEn: true, type: true, verified: true, intro: true, introEn: true,
      sectors: true, techTags: true, districts: true, district: true, products: true, _count: { select: { pastCases: true } },
    },
    orderBy: VENDOR_ORDER[state.sort], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
  });
  const terms = termsOf(state.q);
  const hits = rows.map((r): VendorHit => ({
    id: r.id, name: markTerms(r.name, terms), nameEn: markTerms(r.nameEn ?? "", terms),
    type: r.type, verified: r.verified,
    intro: markTerms(r.intro, terms), introEn: markTerms(r.introEn ?? "", terms),
    sectors: r.sectors, techTags: r.techTags,
    districts: [...new Set([...(r.district ? [r.district] : []), ...r.districts])],
    products: r.products, pastCaseCount: r._count.pastCases,
  }));
  const facets: FacetCounts<VendorFacet> = {
    type: Object.fromEntries(types.map((t) => [t.type, t._count._all])),
    verified: { true: verified },
  };
  return { mode: "fallback", hits, total, page, pages, facets };
}
