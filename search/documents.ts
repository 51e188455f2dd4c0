import { beijingDay } from "./deadline-windows";
import { DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, type CatalogEntry } from "../app/modules/scenarios/catalog";
import { BUDGET_BANDS, budgetBand, type BudgetBandKey } from "./budget-bands";
import { markdownToText } from "./markdown-text";

/**
 * The documents stored in Meilisearch and the pure functions that build them from database rows.
 * Facet fields hold the stable catalog keys (as the database does); `*Labels` fields hold the zh and
 * en labels so a search for "医疗健康" or "Healthcare" finds the key "healthcare".
 */
export { BUDGET_BANDS, budgetBand, markdownToText, type BudgetBandKey };

/**
 * Statuses a scenario may be found in. Drafts are private and cancelled listings are withdrawn, so
 * neither is ever indexed; everything from "published" (open) to "completed" is public.
 */
export const SEARCHABLE_STATUSES = [
  "published", "closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed",
] as const;
export type SearchableStatus = (typeof SEARCHABLE_STATUSES)[number];

export function isSearchableScenario(row: { status: string; publishedAt: Date | null }): boolean {
  return row.publishedAt != null && (SEARCHABLE_STATUSES as readonly string[]).includes(row.status);
}

/** Organisation types with a capability profile in the vendor directory; departments are not indexed. */
export const PROFILE_ORG_TYPES = ["vendor", "institute"] as const;

export type ScenarioRow = {
  id: string; code: string; status: string;
  title: string; titleEn: string | null; summary: string; summaryEn: string | null; description: string;
  sector: string; techTags: string[]; mechanism: string; district: string; needType: string;
  budgetMin: bigint | number | null; budgetMax: bigint | number | null;
  kpis: string[]; eligibility: string;
  deadline: Date; publishedAt: Date | null; updatedAt: Date;
  department: { id: string; name: string; nameEn: string | null };
};

/**
 * What this release's documents hold. Raise it with any change to a document's fields or to how one is
 * written (2: deadlineDay written as text, and this field; 3: the status pairs). Start-up then finds
 * an index built by an older release (index-shape.server.ts): `npm start` rebuilds it, the worker says
 * to run the reindex.
 * The scenarios index speaks for all of them: a reindex rebuilds every index together.
 */
export const DOCUMENT_SHAPE = 3;

export type ScenarioDoc = {
  id: string; code: string; status: SearchableStatus;
  /** DOCUMENT_SHAPE when written; an index built by an older release has another value or none. */
  shape: number;
  title: string; titleEn: string; summary: string; summaryEn: string;
  /** The Markdown description as plain text: markup must not match queries or show in highlights. */
  description: string;
  sector: string; sectorLabels: string[];
  techTags: string[]; techTagLabels: string[];
  mechanism: string; mechanismLabels: string[];
  district: string; districtLabels: string[];
  needType: string; needTypeLabels: string[];
  departmentId: string; departmentName: string; departmentNameEn: string;
  /** 元; null when the listing says 面议 (negotiable). */
  budgetMin: number | null; budgetMax: number | null;
  /** The best known upper bound (max, else min): what "sort by budget" and the band use. */
  budget: number | null;
  budgetBand: BudgetBandKey;
  /** Unix seconds, so they can be filtered (deadline windows) and sorted. */
  deadline: number; publishedAt: number; updatedAt: number;
  /**
   * The Beijing day of the deadline: one facet on it counts every deadline window (deadline-windows.ts).
   * Written as text: Meilisearch counts a text facet several times cheaper than a number facet (a
   * number facet cost a search page about as much as its highlighting; ADR 013).
   */
  deadlineDay: string;
  /**
   * The status paired with each facet that has one value per listing ("closed|healthcare"). A page
   * filtered by status and by one of these counts both groups from one facet on the pair, instead of
   * one count query each (scenario-search.server.ts).
   */
  statusSector: string; statusDistrict: string; statusMechanism: string; statusBudget: string;
  kpis: string; eligibility: string;
};

/** Joins a status and a facet value in a status pair field; catalog keys never contain it. */
export const STATUS_PAIR_SEPARATOR = "|";

export type PastCaseRow = { title: string; sector: string; year: number; summary: string };

export type OrganisationRow = {
  id: string; name: string; nameEn: string | null; shortName: string | null; type: string; verified: boolean;
  intro: string; introEn: string | null;
  sectors: string[]; techTags: string[]; districts: string[]; products: string[]; certifications: string[];
  teamSize: number | null; district: string | null; website: string | null;
  pastCases: PastCaseRow[]; updatedAt: Date;
};

export type VendorDoc = {
  id: string; name: string; nameEn: string; shortName: string;
  type: "vendor" | "institute"; verified: boolean;
  intro: string; introEn: string;
  sectors: string[]; sectorLabels: string[];
  techTags: string[]; techTagLabels: string[];
  districts: string[]; districtLabels: string[];
  products: string[]; certifications: string[];
  /** "title（year）summary" per past case, for full-text matching of experience. */
  pastCases: string[];
  pastCaseSectors: string[];
  pastCaseCount: number;
  teamSize: number | null;
  website: string;
  updatedAt: number;
};

/** A delivered (completed) scenario shown as a published case, with what its delivery achieved. */
export type CaseDoc = {
  id: string; scenarioId: string; code: string;
  title: string; titleEn: string; summary: string; summaryEn: string; description: string;
  sector: string; sectorLabels: string[];
  techTags: string[]; techTagLabels: string[];
  district: string; districtLabels: string[];
  departmentId: string; departmentName: string;
  /** The delivering organisations (the delivered case's PastCase rows). */
  vendorIds: string[]; vendorNames: string[];
  /** The department's solution summary and the results against the KPIs, as written at completion. */
  solution: string; results: string;
  completedAt: number;
};

export type CaseDelivery = {
  vendors: { id: string; name: string }[]; completedAt: Date | null;
  solution?: string; results?: { kpi: string; result: string }[];
};

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function labels(list: readonly CatalogEntry[], key: string): string[] {
  const entry = list.find((e) => e.key === key);
  return entry ? [entry.zh, entry.en] : [key];
}

function labelsOf(list: readonly CatalogEntry[], keys: readonly string[]): string[] {
  return keys.flatMap((k) => labels(list, k));
}

function yuan(value: bigint | number | null): number | null {
  return value == null ? null : Number(value);
}

function statusPairs<K extends string>(status: string, values: Record<K, string>): Record<K, string> {
  const pairs = {} as Record<K, string>;
  for (const key in values) pairs[key] = `${status}${STATUS_PAIR_SEPARATOR}${values[key]}`;
  return pairs;
}

export function buildScenarioDoc(row: ScenarioRow): ScenarioDoc {
  if (!isSearchableScenario(row)) throw new Error(`scenario ${row.id} (${row.status}) is not searchable`);
  const budgetMin = yuan(row.budgetMin);
  const budgetMax = yuan(row.budgetMax);
  const budget = budgetMax ?? budgetMin;
  const band = budgetBand(budget);
  return {
    id: row.id, code: row.code, status: row.status as SearchableStatus, shape: DOCUMENT_SHAPE,
    title: row.title, titleEn: row.titleEn ?? "", summary: row.summary, summaryEn: row.summaryEn ?? "",
    description: markdownToText(row.description),
    sector: row.sector, sectorLabels: labels(SECTORS, row.sector),
    techTags: row.techTags, techTagLabels: labelsOf(TECH_TAGS, row.techTags),
    mechanism: row.mechanism, mechanismLabels: labels(MECHANISMS, row.mechanism),
    district: row.district, districtLabels: labels(DISTRICTS, row.district),
    needType: row.needType, needTypeLabels: labels(NEED_TYPES, row.needType),
    departmentId: row.department.id, departmentName: row.department.name, departmentNameEn: row.department.nameEn ?? "",
    budgetMin, budgetMax, budget, budgetBand: band,
    deadline: unixSeconds(row.deadline),
    deadlineDay: String(beijingDay(row.deadline)),
    ...statusPairs(row.status, { statusSector: row.sector, statusDistrict: row.district, statusMechanism: row.mechanism, statusBudget: band }),
    publishedAt: unixSeconds(row.publishedAt!),
    updatedAt: unixSeconds(row.updatedAt),
    kpis: row.kpis.join("；"),
    eligibility: row.eligibility,
  };
}

export function isProfileOrganisation(row: { type: string }): row is { type: "vendor" | "institute" } {
  return (PROFILE_ORG_TYPES as readonly string[]).includes(row.type);
}

export function buildVendorDoc(row: OrganisationRow): VendorDoc {
  if (!isProfileOrganisation(row)) throw new Error(`organisation ${row.id} (${row.type}) has no public profile`);
  const districts = [...new Set([...(row.district ? [row.district] : []), ...row.districts])];
  return {
    id: row.id, name: row.name, nameEn: row.nameEn ?? "", shortName: row.shortName ?? "",
    type: row.type as "vendor" | "institute", verified: row.verified,
    intro: markdownToText(row.intro), introEn: markdownToText(row.introEn ?? ""),
    sectors: row.sectors, sectorLabels: labelsOf(SECTORS, row.sectors),
    techTags: row.techTags, techTagLabels: labelsOf(TECH_TAGS, row.techTags),
    districts, districtLabels: labelsOf(DISTRICTS, districts),
    products: row.products, certifications: row.certifications,
    pastCases: row.pastCases.map((c) => `${c.title}（${c.year}）${c.summary ? ` ${c.summary}` : ""}`),
    pastCaseSectors: [...new Set(row.pastCases.map((c) => c.sector))],
    pastCaseCount: row.pastCases.length,
    teamSize: row.teamSize,
    website: row.website ?? "",
    updatedAt: unixSeconds(row.updatedAt),
  };
}

/** Completed scenarios become cases; anything else (including a reopened dispute) leaves the index. */
export function isCaseScenario(row: { status: string }): boolean {
  return row.status === "completed";
}

export function buildCaseDoc(row: ScenarioRow, delivery: CaseDelivery = { vendors: [], completedAt: null }): CaseDoc {
  if (!isCaseScenario(row)) throw new Error(`scenario ${row.id} (${row.status}) is not a delivered case`);
  return {
    id: row.id, scenarioId: row.id, code: row.code,
    title: row.title, titleEn: row.titleEn ?? "", summary: row.summary, summaryEn: row.summaryEn ?? "",
    description: markdownToText(row.description),
    sector: row.sector, sectorLabels: labels(SECTORS, row.sector),
    techTags: row.techTags, techTagLabels: labelsOf(TECH_TAGS, row.techTags),
    district: row.district, districtLabels: labels(DISTRICTS, row.district),
    departmentId: row.department.id, departmentName: row.department.name,
    vendorIds: delivery.vendors.map((v) => v.id), vendorNames: delivery.vendors.map((v) => v.name),
    solution: delivery.solution ?? "", results: (delivery.results ?? []).map((r) => `${r.kpi}：${r.result}`).join("；"),
    completedAt: unixSeconds(delivery.completedAt ?? row.updatedAt),
  };
}
