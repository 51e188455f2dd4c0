import type pg from "pg";
import { DISTRICTS, SECTORS, TECH_TAGS } from "../../app/modules/scenarios/catalog";

// Multiplies the demo data in SQL (fast, no per-row round trips): every generated scenario copies a
// seeded one and varies its title, sector, district, tags, budget and deadline; every generated
// vendor copies a seeded profile and varies its name, sectors and tags.
const arr = (values: readonly { key: string }[]) => `ARRAY[${values.map((v) => `'${v.key}'`).join(",")}]`;

export async function generateScenarios(client: pg.Client, count: number): Promise<void> {
  const batch = 20_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await client.query(`
      WITH t AS (SELECT *, (row_number() OVER (ORDER BY code)) - 1 AS k, count(*) OVER () AS n FROM "Scenario" WHERE code NOT LIKE 'BM-%'),
           sectors AS (SELECT ${arr(SECTORS)} AS a), districts AS (SELECT ${arr(DISTRICTS)} AS a), tags AS (SELECT ${arr(TECH_TAGS)} AS a)
      INSERT INTO "Scenario" (id, code, status, version, "departmentId", "createdById", title, "titleEn", summary, "summaryEn", description,
        sector, "techTags", mechanism, "raceTeams", district, "needType", "cooperationMode", "budgetMin", "budgetMax", "paymentSchedule",
        "openResources", kpis, "acceptanceCriteria", eligibility, "consortiumAllowed", "consortiumMaxMembers", "responsibleUnits",
        "contactName", "contactPhone", "contactEmail", deadline, "projectMonths", rubric, "publishedAt", "updatedAt", "createdAt")
      SELECT 'bm' || g, 'BM-' || lpad(g::text, 7, '0'),
        (CASE WHEN g % 10 < 8 THEN 'published' WHEN g % 10 = 8 THEN 'closed' ELSE 'completed' END)::"ScenarioStatus", 2,
        t."departmentId", t."createdById", t.title || ' · 第' || g || '号', t."titleEn" || ' #' || g, t.summary, t."summaryEn", t.description,
        CASE WHEN g % 3 = 0 THEN sectors.a[1 + g % array_length(sectors.a, 1)] ELSE t.sector END,
        ARRAY(SELECT DISTINCT unnest(t."techTags" || tags.a[1 + g % array_length(tags.a, 1)])),
        t.mechanism, t."raceTeams", districts.a[1 + g % array_length(districts.a, 1)], t."needType", t."cooperationMode",
        (100000 + (g % 200) * 50000)::bigint, (200000 + (g % 200) * 90000)::bigint, t."paymentSchedule",
        t."openResources", t.kpis, t."acceptanceCriteria", t.eligibility, t."consortiumAllowed", t."consortiumMaxMembers", t."responsibleUnits",
        t."contactName", t."contactPhone", t."contactEmail", now() + ((g % 120) - 20) * interval '1 day', t."projectMonths", t.rubric,
        now() - (g % 90) * interval '1 day', now(), now() - (g % 90 + 3) * interval '1 day'
      FROM generate_series(${start}, ${end}) g
      JOIN t ON t.k = g % t.n
      CROSS JOIN sectors CROSS JOIN districts CROSS JOIN tags`);
  }
}

export async function generateVendors(client: pg.Client, count: number): Promise<void> {
  await client.query(`
    WITH t AS (SELECT *, (row_number() OVER (ORDER BY name)) - 1 AS k, count(*) OVER () AS n FROM "Organisation" WHERE type IN ('vendor', 'institute')),
         sectors AS (SELECT ${arr(SECTORS)} AS a), tags AS (SELECT ${arr(TECH_TAGS)} AS a)
    INSERT INTO "Organisation" (id, name, "nameEn", type, verified, district, intro, "introEn", sectors, "techTags", districts, products,
      certifications, "teamSize", "updatedAt")
    SELECT 'bmv' || g, t.name || '（第' || g || '分部）', t."nameEn" || ' branch ' || g, t.type, g % 4 <> 0, t.district, t.intro, t."introEn",
      ARRAY(SELECT DISTINCT unnest(t.sectors || sectors.a[1 + g % array_length(sectors.a, 1)])),
      ARRAY(SELECT DISTINCT unnest(t."techTags" || tags.a[1 + g % array_length(tags.a, 1)])),
      t.districts, t.products, t.certifications, t."teamSize", now()
    FROM generate_series(1, ${count}) g
    JOIN t ON t.k = g % t.n
    CROSS JOIN sectors CROSS JOIN tags`);
}
