import type { PrismaClient } from "../app/generated/prisma/client";
import { databaseUrlOf } from "../app/utils/db.server";
import { pg } from "../app/utils/pg.server";
import type { Prisma } from "../app/utils/sql.server";
import type { ScenarioStatus } from "../app/generated/prisma/enums";
import {
  PROFILE_ORG_TYPES, SEARCHABLE_STATUSES,
  type CaseDelivery, type OrganisationRow, type ScenarioRow,
} from "./documents";

// The database side of indexing: what each document is built from, shared by the sync job,
// the reindex and the admin health page (so "count in the database" means the same everywhere).
type Db = Pick<PrismaClient, "scenario" | "organisation">;

export const scenarioSelect = {
  id: true, code: true, status: true,
  title: true, titleEn: true, summary: true, summaryEn: true, description: true,
  sector: true, techTags: true, mechanism: true, district: true, needType: true,
  budgetMin: true, budgetMax: true, kpis: true, eligibility: true,
  deadline: true, publishedAt: true, updatedAt: true,
  department: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.ScenarioSelect;

export const organisationSelect = {
  id: true, name: true, nameEn: true, shortName: true, type: true, verified: true,
  intro: true, introEn: true, sectors: true, techTags: true, districts: true, products: true,
  certifications: true, teamSize: true, district: true, website: true, updatedAt: true,
  pastCases: { select: { title: true, sector: true, year: true, summary: true }, orderBy: { year: "desc" } },
} satisfies Prisma.OrganisationSelect;

/** What a case document adds to its scenario: the delivered case and the organisations that delivered it. */
export const caseDeliverySelect = {
  id: true, completedAt: true,
  deliveredCase: { select: { solution: true, results: true, publishedAt: true, pastCases: { select: { org: { select: { id: true, name: true } } } } } },
} satisfies Prisma.ScenarioSelect;

type CaseDeliveryRow = Prisma.ScenarioGetPayload<{ select: typeof caseDeliverySelect }>;

export function toCaseDelivery(row: CaseDeliveryRow): CaseDelivery {
  const c = row.deliveredCase;
  return {
    vendors: c?.pastCases.map((p) => p.org) ?? [],
    completedAt: row.completedAt ?? c?.publishedAt ?? null,
    solution: c?.solution ?? "",
    results: Array.isArray(c?.results) ? (c.results as { kpi: string; result: string }[]) : [],
  };
}

/** The delivery of each completed scenario among `ids`, for the cases index. */
export async function loadCaseDeliveries(db: Db, ids: string[]): Promise<Map<string, CaseDelivery>> {
  if (ids.length === 0) return new Map();
  const rows = await db.scenario.findMany({ where: { id: { in: ids } }, select: caseDeliverySelect });
  return new Map(rows.map((r) => [r.id, toCaseDelivery(r)]));
}

/**
 * Which listings each scenario-built index holds: one definition, read as SQL by the counts and the
 * rebuild's scan, so both agree (the sync job asks documents.ts, row by row).
 */
const SCENARIO_INDEXES = {
  scenarios: { statuses: SEARCHABLE_STATUSES, published: true },
  cases: { statuses: ["completed"], published: false },
} as const satisfies Record<"scenarios" | "cases", { statuses: readonly ScenarioStatus[]; published: boolean }>;

// Our own constants, inlined as enum literals: the planner then walks the id index page by page (a
// cast or text parameters made it scan and sort the whole table for every page).
function scenarioCondition(which: keyof typeof SCENARIO_INDEXES): string {
  const { statuses, published } = SCENARIO_INDEXES[which];
  return `s.status IN (${statuses.map((status) => `'${status}'`).join(", ")})${published ? ` AND s."publishedAt" IS NOT NULL` : ""}`;
}

/** The organisations the vendors index holds, as a `where` for the ORM's scan and as SQL for the count. */
export const vendorWhere = (): Prisma.OrganisationWhereInput => ({ type: { in: [...PROFILE_ORG_TYPES] } });
const vendorCondition = () => `o.type IN (${PROFILE_ORG_TYPES.map((type) => `'${type}'`).join(", ")})`;

/** A plain PostgreSQL connection of its own to `db`'s database; the caller ends it. */
async function openConnection(db: object): Promise<InstanceType<typeof pg.Client>> {
  const client = new pg.Client({ connectionString: databaseUrlOf(db) });
  await client.connect();
  return client;
}

/** A plain connection for `work` only. */
async function withConnection<T>(db: object, work: (client: InstanceType<typeof pg.Client>) => Promise<T>): Promise<T> {
  const client = await openConnection(db);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function loadScenarios(db: Db, ids: string[]): Promise<ScenarioRow[]> {
  if (ids.length === 0) return [];
  return db.scenario.findMany({ where: { id: { in: ids } }, select: scenarioSelect });
}

export async function loadOrganisations(db: Db, ids: string[]): Promise<(OrganisationRow & { type: string })[]> {
  if (ids.length === 0) return [];
  return db.organisation.findMany({ where: { id: { in: ids } }, select: organisationSelect });
}

// The rows that belong in each index, in one statement.
const countsSql = () => `
  SELECT (SELECT count(*) FROM "Scenario" s WHERE ${scenarioCondition("scenarios")}) AS scenarios,
    (SELECT count(*) FROM "Organisation" o WHERE ${vendorCondition()}) AS vendors,
    (SELECT count(*) FROM "Scenario" s WHERE ${scenarioCondition("cases")}) AS cases`;
type CountsRow = { scenarios: bigint | string; vendors: bigint | string; cases: bigint | string };
const toCounts = (row: CountsRow) => ({ scenarios: Number(row.scenarios), vendors: Number(row.vendors), cases: Number(row.cases) });

/** The rows that belong in each index, read through `db` (the process's client or a transaction). */
export async function countSources(db: Pick<PrismaClient, "$queryRawUnsafe">): Promise<{ scenarios: number; vendors: number; cases: number }> {
  return toCounts((await db.$queryRawUnsafe<CountsRow[]>(countsSql()))[0]!);
}

/**
 * The same counts over a plain connection: a rebuild counts before its first read, and in a process
 * that has not queried yet the ORM's first query took 0.6 s (the driver's, 0.04 s).
 */
export async function countSourcesOverDriver(db: object): Promise<{ scenarios: number; vendors: number; cases: number }> {
  return toCounts((await withConnection(db, (client) => client.query<CountsRow>(countsSql()))).rows[0]!);
}

/**
 * Every scenario of an index in keyset pages, read over a plain PostgreSQL connection of its own to
 * `db`'s database: a full reindex reads 100k listings beside Meilisearch indexing them on the same
 * cores, and mapping rows through the ORM cost more CPU than the driver; pages built as JSON by
 * PostgreSQL (the read before this one) cost PostgreSQL three times the plain rows (ADR 013). The
 * columns are `scenarioSelect`'s; tests/integration/search-sync.test.ts holds the documents built from
 * both reads equal, field by field.
 */
export async function* scenarioPages(db: object, which: "scenarios" | "cases", pageSize: number): AsyncGenerator<ScenarioRow[]> {
  // Times as epoch milliseconds: the columns have no time zone, which the driver would read as the process's own.
  const text = `
    SELECT s.id, s.code, s.status, s.title, s."titleEn", s.summary, s."summaryEn", s.description,
      s.sector, s."techTags", s.mechanism, s.district, s."needType", s."budgetMin"::float8 AS "budgetMin",
      s."budgetMax"::float8 AS "budgetMax", s.kpis, s.eligibility,
      round(extract(epoch FROM s.deadline) * 1000)::float8 AS deadline,
      round(extract(epoch FROM s."publishedAt") * 1000)::float8 AS "publishedAt",
      round(extract(epoch FROM s."updatedAt") * 1000)::float8 AS "updatedAt",
      d.id AS "departmentId", d.name AS "departmentName", d."nameEn" AS "departmentNameEn"
    FROM "Scenario" s JOIN "Organisation" d ON d.id = s."departmentId"
    WHERE ${scenarioCondition(which)} AND s.id > $1
    ORDER BY s.id LIMIT $2`;
  // Opened here rather than through withConnection: the pages are yielded from inside it.
  const client = await openConnection(db);
  try {
    // The next page starts after the greatest id in the database's own order (its collation). It is
    // asked for before this one is handed on, so PostgreSQL reads it while this one is built.
    const page = (cursor: string): Promise<{ rows: RawScenarioRow[] }> => client.query<RawScenarioRow>({ text, values: [cursor, pageSize] });
    let next: Promise<{ rows: RawScenarioRow[] }> | undefined = page("");
    while (next) {
      const { rows }: { rows: RawScenarioRow[] } = await next;
      next = rows.length === pageSize ? page(rows[rows.length - 1]!.id) : undefined;
      // A consumer that stops early leaves it unread: its failure then is nobody's to report.
      next?.catch(() => {});
      if (rows.length > 0) yield rows.map(toScenarioRow);
    }
  } finally {
    await client.end();
  }
}

type RawScenarioRow = Omit<ScenarioRow, "deadline" | "publishedAt" | "updatedAt" | "department"> &
  { deadline: number; publishedAt: number | null; updatedAt: number; departmentId: string; departmentName: string; departmentNameEn: string | null };

// Field by field (no rest or spread): a hundred thousand rows go through here in a rebuild.
function toScenarioRow(r: RawScenarioRow): ScenarioRow {
  return {
    id: r.id, code: r.code, status: r.status,
    title: r.title, titleEn: r.titleEn, summary: r.summary, summaryEn: r.summaryEn, description: r.description,
    sector: r.sector, techTags: r.techTags, mechanism: r.mechanism, district: r.district, needType: r.needType,
    budgetMin: r.budgetMin, budgetMax: r.budgetMax, kpis: r.kpis, eligibility: r.eligibility,
    deadline: new Date(r.deadline), publishedAt: r.publishedAt == null ? null : new Date(r.publishedAt), updatedAt: new Date(r.updatedAt),
    department: { id: r.departmentId, name: r.departmentName, nameEn: r.departmentNameEn },
  };
}

/** Every organisation matching `where`, in keyset pages by id: stable and cheap on large tables. */
export async function* organisationPages(db: Db, where: Prisma.OrganisationWhereInput, pageSize: number): AsyncGenerator<OrganisationRow[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.organisation.findMany({
      where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where, select: organisationSelect, orderBy: { id: "asc" }, take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/** Ids changed since `since`, for the catch-up pass after a rebuild (writes made while it ran). */
export async function changedSince(db: Db, since: Date): Promise<{ scenarios: string[]; organisations: string[] }> {
  const [scenarios, organisations] = await Promise.all([
    db.scenario.findMany({ where: { updatedAt: { gte: since } }, select: { id: true } }),
    db.organisation.findMany({
      where: { OR: [{ updatedAt: { gte: since } }, { pastCases: { some: { createdAt: { gte: since } } } }] },
      select: { id: true },
    }),
  ]);
  return { scenarios: scenarios.map((r) => r.id), organisations: organisations.map((r) => r.id) };
}
