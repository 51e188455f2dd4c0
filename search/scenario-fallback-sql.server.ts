import { Prisma } from "../app/utils/sql.server";
import { BUDGET_BANDS } from "./budget-bands";
import { SEARCHABLE_STATUSES } from "./documents";
import { deadlineBounds } from "./deadline-windows";
import type { ScenarioSearchState } from "./search-params";
import type { ScenarioFacet } from "./scenario-search.server";

/**
 * The degraded scenario search as SQL (ADR 013). Words are found through a trigram index
 * (pg_trgm, GIN) on the hexadecimal UTF-8 of the listing's title and summary in both languages:
 * PostgreSQL's trigrams skip Chinese characters in a C-locale database and need three characters,
 * while 防汛 in hex is twelve ASCII characters — so two-character Chinese words use the index too.
 * The hex match may start mid-character, so every word is also checked with ILIKE on the columns
 * (on the few rows the index found). The filters are those of the index (scenario-search.server.ts):
 * tests compare both paths listing by listing and count by count.
 */
// Fragments are built on call, never at import: this module must have no side effects, so that
// the browser bundle (which cannot load Prisma) drops it with the loaders that use it.
const searchText = () => Prisma.sql`jiebang_search_key(title || ' ' || coalesce("titleEn", '') || ' ' || summary || ' ' || coalesce("summaryEn", ''))`;

// Words that must all appear (AND), at most eight so a pasted paragraph stays cheap.
export function termsOf(q: string): string[] {
  return q.split(" ").filter(Boolean).slice(0, 8);
}

const likeLiteral = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function textCondition(q: string): Prisma.Sql[] {
  return termsOf(q).map((term) => {
    const like = likeLiteral(term);
    return Prisma.sql`(${searchText()} LIKE '%' || jiebang_search_key(${term}) || '%'
      AND (title ILIKE ${like} OR "titleEn" ILIKE ${like} OR summary ILIKE ${like} OR "summaryEn" ILIKE ${like}))`;
  });
}

// Bands by the listing's best known upper bound (budgetMax, else budgetMin), as budgetBand() indexes them.
function budgetCondition(key: string): Prisma.Sql {
  if (key === "negotiable") {
    return Prisma.sql`(("budgetMax" IS NULL AND "budgetMin" IS NULL) OR "budgetMax" <= 0 OR ("budgetMax" IS NULL AND "budgetMin" <= 0))`;
  }
  const index = BUDGET_BANDS.findIndex((b) => b.key === key);
  const low = BigInt(index <= 0 ? 1 : BUDGET_BANDS[index - 1]!.maxYuan + 1);
  const max = BUDGET_BANDS[index]!.maxYuan;
  const inBand = (column: Prisma.Sql) => (Number.isFinite(max) ? Prisma.sql`${column} BETWEEN ${low} AND ${BigInt(max)}` : Prisma.sql`${column} >= ${low}`);
  return Prisma.sql`(${inBand(Prisma.sql`"budgetMax"`)} OR ("budgetMax" IS NULL AND ${inBand(Prisma.sql`"budgetMin"`)}))`;
}

const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));
// As the enum, so the (status, publishedAt) index serves the newest-first page.
const statusIn = (statuses: readonly string[]) => Prisma.sql`status = ANY(CAST(${[...statuses]} AS "ScenarioStatus"[]))`;

/** The page's filters (not its words), optionally leaving one facet group out for its own counts. */
export function filterConditions(state: ScenarioSearchState, now: Date, except?: ScenarioFacet): Prisma.Sql[] {
  const and: Prisma.Sql[] = [statusIn(except === "status" ? SEARCHABLE_STATUSES : state.status)];
  if (except !== "sector" && state.sector.length) and.push(Prisma.sql`sector IN (${list(state.sector)})`);
  if (except !== "district" && state.district.length) and.push(Prisma.sql`district IN (${list(state.district)})`);
  if (except !== "mechanism" && state.mechanism.length) and.push(Prisma.sql`mechanism = ANY(CAST(${state.mechanism} AS "Mechanism"[]))`);
  if (except !== "department" && state.department.length) and.push(Prisma.sql`"departmentId" IN (${list(state.department)})`);
  if (except !== "tag" && state.tag.length) and.push(Prisma.sql`"techTags" && ${state.tag}::text[]`);
  if (except !== "budget" && state.budget.length) and.push(Prisma.sql`(${Prisma.join(state.budget.map(budgetCondition), " OR ")})`);
  if (state.deadline) {
    const { from, before } = deadlineBounds(state.deadline, now);
    if (from) and.push(Prisma.sql`deadline >= ${from}`);
    if (before) and.push(Prisma.sql`deadline < ${before}`);
  }
  return and;
}

export const allOf = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);


// Scalar facets counted here (tags, budget bands and deadline windows are not: the page says counts are partial).
export const countedFacets = () => [
  ["sector", Prisma.sql`sector`], ["district", Prisma.sql`district`], ["mechanism", Prisma.sql`mechanism::text`],
  ["status", Prisma.sql`status::text`], ["department", Prisma.sql`"departmentId"`],
] as const satisfies readonly (readonly [ScenarioFacet, Prisma.Sql])[];

// The listings' columns the page shows; dates as epoch milliseconds (JSON has no timestamps).
const LISTING_COLUMNS = () => Prisma.sql`s.id, s.code, s.status::text AS status, s.mechanism::text AS mechanism, s.sector, s.district,
  s."techTags", s.title, s."titleEn", s.summary, s."summaryEn", s."budgetMin", s."budgetMax",
  (extract(epoch FROM s.deadline) * 1000)::bigint AS deadline, (extract(epoch FROM s."publishedAt") * 1000)::bigint AS "publishedAt",
  o.id AS "departmentId", o.name AS "departmentName", o."nameEn" AS "departmentNameEn"`;

/**
 * The whole page in one statement: the rows matching the words are found once (through the index),
 * the total and each facet group are counted over them with every other filter, and the page's
 * listings are picked from them — the last page when the page asked for is past the end (an old link).
 * Returns one row: { counts: [{ facet, value, n }], listings: [...] } as JSON.
 */
export function searchPageQuery(state: ScenarioSearchState, now: Date, pageSize: number): Prisma.Sql {
  const parts = [
    Prisma.sql`SELECT 'total' AS facet, '' AS value, count(*)::int AS n FROM m WHERE ${allOf(filterConditions(state, now))}`,
    ...countedFacets().map(([facet, column]) =>
      Prisma.sql`SELECT ${facet} AS facet, ${column} AS value, count(*)::int AS n FROM m WHERE ${allOf(filterConditions(state, now, facet))} GROUP BY 2`),
  ];
  const order = (alias: string) => Prisma.raw(ORDER[state.sort].replaceAll("$.", `${alias}.`));
  return Prisma.sql`WITH m AS MATERIALIZED (
      SELECT id, status, sector, district, mechanism, "departmentId", "techTags", "budgetMin", "budgetMax", deadline, "publishedAt"
      FROM "Scenario" WHERE "publishedAt" IS NOT NULL AND ${statusIn(SEARCHABLE_STATUSES)} AND ${allOf(textCondition(state.q))}
    ),
    counts AS MATERIALIZED (${Prisma.join(parts, " UNION ALL ")}),
    picked AS (
      SELECT s.id FROM m s WHERE ${allOf(filterConditions(state, now))} ORDER BY ${order("s")} LIMIT ${pageSize}
      OFFSET (SELECT (LEAST(${state.page}, GREATEST(1, CEIL(n::numeric / ${pageSize})))::int - 1) * ${pageSize} FROM counts WHERE facet = 'total')
    )
    SELECT (SELECT coalesce(json_agg(c), '[]'::json) FROM counts c) AS counts,
      (SELECT coalesce(json_agg(l ORDER BY ${order("l")}), '[]'::json) FROM (
        SELECT ${LISTING_COLUMNS()} FROM picked p JOIN "Scenario" s ON s.id = p.id JOIN "Organisation" o ON o.id = s."departmentId"
      ) l) AS listings`;
}

// The page's orders, newest first by default; "$." stands for the table's alias.
const ORDER: Record<ScenarioSearchState["sort"], string> = {
  relevance: `$."publishedAt" DESC, $.id DESC`,
  newest: `$."publishedAt" DESC, $.id DESC`,
  deadline: `$.deadline ASC, $.id ASC`,
  // Listings with only a lower bound follow those with an upper bound: close enough for a degraded mode.
  budget: `$."budgetMax" DESC NULLS LAST, $."budgetMin" DESC NULLS LAST, $.id ASC`,
};
