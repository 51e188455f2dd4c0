import type { Meilisearch, Settings } from "meilisearch";
import { INDEXES, INDEX_KEYS, type IndexKey } from "./client.server";
import { synonymGroups } from "./matching/glossary";

/**
 * Index settings, one explicit object per index. Decisions (why):
 * - searchableAttributes are in priority order: a hit in the title outranks one in the description.
 * - rankingRules put "sort" right after "words": when a user picks "newest" or "deadline soonest" the
 *   order must follow that choice among documents matching the query, not be drowned by proximity.
 *   A final custom rule breaks ties (newest listing, most experienced vendor).
 * - Typo tolerance: Chinese has no typos in Meilisearch's sense (one character is a word), so the rules
 *   only shape English: no typos under 5 letters (LLM, UAV, OCR stay exact), two from 9, none on numbers
 *   (budgets, years, 12345) or on scenario codes.
 * - localizedAttributes pin Chinese fields to "cmn": short Han queries (影像, 水位) are otherwise
 *   sometimes detected as Japanese and segmented differently from the documents.
 * - pagination.maxTotalHits bounds deep paging and exhaustive counts; 20,000 is far beyond any page
 *   anyone reads while keeping broad queries on a 100k index fast.
 */
/** Each group becomes a many-way synonym: every term maps to every other term of its group. */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of groups) {
    const terms = [...new Set(group.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    for (const term of terms) {
      map[term] ??= new Set();
      for (const other of terms) if (other !== term) map[term].add(other);
    }
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));
}

/** The glossary's technology and sector groups (search/synonyms.json); its generic words are the matcher's only. */
export const SYNONYM_GROUPS: readonly string[][] = synonymGroups();
const SYNONYMS = synonymMap(SYNONYM_GROUPS);

// Acronyms are matched exactly: "CV" must not become "CVE" or "CAD".
const EXACT_WORDS = [...new Set(SYNONYM_GROUPS.flat().filter((t) => /^[A-Z0-9]{2,6}$/.test(t)).map((t) => t.toLowerCase()))];

function typoTolerance(disableOnAttributes: string[] = []): Settings["typoTolerance"] {
  return {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnNumbers: true,
    disableOnAttributes,
    disableOnWords: EXACT_WORDS,
  };
}

const BASE_RULES = ["words", "sort", "typo", "proximity", "attribute", "exactness"];
const COMMON = {
  synonyms: SYNONYMS,
  // deadlineDay has a value per day (deadline-windows.ts): listed in day order (five-digit day numbers
  // as text, so text order is day order until the year 2243) and up to 1,000 of them (almost three years
  // of deadlines) so every window's count is complete; other facets have far fewer values.
  faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { "*": "count" as const, deadlineDay: "alpha" as const } },
  pagination: { maxTotalHits: 20_000 },
  // Word proximity by attribute (are the words in the same field?) rather than by position: indexing
  // word pairs by position made indexing 1.6× costlier than Meilisearch's defaults (ADR 013); the
  // matching figures and search tests hold with it.
  proximityPrecision: "byAttribute",
} satisfies Settings;

export const SETTINGS: Record<IndexKey, Settings> = {
  scenarios: {
    ...COMMON,
    searchableAttributes: [
      "title", "titleEn", "code", "techTagLabels", "summary", "summaryEn", "sectorLabels",
      "description", "kpis", "departmentName", "departmentNameEn", "districtLabels",
      "needTypeLabels", "mechanismLabels", "eligibility",
    ],
    filterableAttributes: [
      "id", "status", "sector", "district", "mechanism", "needType", "departmentId", "techTags",
      "budgetBand", "budget", "budgetMin", "budgetMax", "deadline", "deadlineDay", "publishedAt",
      // Only ever counted (documents.ts): a page filtered by status and one of these facets.
      "statusSector", "statusDistrict", "statusMechanism", "statusBudget",
    ],
    sortableAttributes: ["publishedAt", "deadline", "budget", "budgetMin", "budgetMax", "updatedAt"],
    rankingRules: [...BASE_RULES, "publishedAt:desc"],
    typoTolerance: typoTolerance(["code"]),
    localizedAttributes: [
      { attributePatterns: ["titleEn", "summaryEn", "departmentNameEn"], locales: ["eng"] },
      { attributePatterns: ["title", "summary", "description", "kpis", "departmentName", "eligibility"], locales: ["cmn"] },
    ],
  },
  vendors: {
    ...COMMON,
    searchableAttributes: [
      "name", "shortName", "nameEn", "techTagLabels", "products", "sectorLabels", "intro", "introEn",
      "pastCases", "certifications", "districtLabels",
    ],
    filterableAttributes: ["id", "type", "verified", "sectors", "techTags", "districts", "pastCaseSectors", "teamSize", "pastCaseCount"],
    sortableAttributes: ["pastCaseCount", "teamSize", "updatedAt"],
    rankingRules: [...BASE_RULES, "pastCaseCount:desc"],
    typoTolerance: typoTolerance(),
    localizedAttributes: [
      { attributePatterns: ["nameEn", "introEn"], locales: ["eng"] },
      { attributePatterns: ["name", "shortName", "intro", "pastCases", "products"], locales: ["cmn"] },
    ],
  },
  cases: {
    ...COMMON,
    searchableAttributes: [
      "title", "titleEn", "techTagLabels", "summary", "summaryEn", "sectorLabels", "solution", "results", "description",
      "vendorNames", "departmentName", "districtLabels",
    ],
    filterableAttributes: ["id", "sector", "techTags", "district", "departmentId", "vendorIds", "completedAt"],
    sortableAttributes: ["completedAt"],
    rankingRules: [...BASE_RULES, "completedAt:desc"],
    typoTolerance: typoTolerance(),
    localizedAttributes: [
      { attributePatterns: ["titleEn", "summaryEn"], locales: ["eng"] },
      { attributePatterns: ["title", "summary", "solution", "results", "description", "departmentName"], locales: ["cmn"] },
    ],
  },
};

/** Enough for a settings change to re-index 100k documents on a small machine. */
const SETTINGS_TASK_TIMEOUT_MS = 10 * 60_000;

/**
 * Creates the index if missing and applies its settings. Idempotent: Meilisearch treats unchanged
 * settings as a no-op, so the worker can call it at every start-up.
 */
export async function applyIndexSettings(client: Meilisearch, key: IndexKey, uid = INDEXES[key]): Promise<void> {
  const created = await client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: SETTINGS_TASK_TIMEOUT_MS });
  if (created.status === "failed" && created.error?.code !== "index_already_exists") {
    throw new Error(`creating index ${uid} failed: ${created.error?.message}`);
  }
  const task = await client.index(uid).updateSettings(SETTINGS[key]).waitTask({ timeout: SETTINGS_TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") throw new Error(`settings of ${uid} ${task.status}: ${task.error?.message ?? ""}`);
}

export async function applySettings(client: Meilisearch): Promise<void> {
  for (const key of INDEX_KEYS) await applyIndexSettings(client, key);
}
