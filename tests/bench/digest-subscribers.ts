import type pg from "pg";
import { DISTRICTS, MECHANISMS, SECTORS, TECH_TAGS } from "../../app/modules/scenarios/catalog";

// The subscribers of `npm run bench:digest`, written in SQL like the generated scenarios: vendor
// members with 1–3 saved searches each, drawn from a fixed mix of words and filters (a seeded
// pseudo-random pick, so every run builds the same digests), and a previous digest whose window ended
// where this run's begins.
const TERMS = [
  "", "水位", "防汛", "影像", "医疗影像辅助诊断", "处方", "病虫害", "甲骨文", "停车", "多式联运", "大模型", "无人机", "知识图谱",
  "质检", "矿山", "12345", "教育", "文旅", "巡检", "预警", "调度", "客服", "LLM", "UAV", "flood", "parking", "logistics",
  "medical imaging", "crop", "政务", "能源", "电网", "养老", "交通", "水库", "应急", "农业", "城市治理", "智能问答", "视觉",
];
const FILTERS = [
  "", "", "",
  ...SECTORS.map((s) => `sector=${s.key}`),
  ...TECH_TAGS.map((t) => `tag=${t.key}`),
  ...DISTRICTS.map((d) => `district=${d.key}`),
  ...MECHANISMS.map((m) => `mechanism=${m.key}`),
  "budget=200w_500w", "budget=gt_1000w", "deadline=30d",
];

/** A deterministic pseudo-random sequence (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function savedQueries(count: number, seed = 42): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const params = new URLSearchParams(pick(FILTERS));
    const term = pick(TERMS);
    if (term) params.set("q", term);
    // Every saved search says something: a bare "" would be "every open scenario".
    if (params.size === 0) params.set("q", pick(TERMS.slice(1)));
    return params.toString();
  });
}

export async function generateSubscribers(
  client: pg.Client,
  input: { count: number; previousPeriod: string; previousWindowEnd: Date; searchesPerUser: (i: number) => number },
): Promise<{ searches: number; distinctQueries: number }> {
  const { rows: orgs } = await client.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE type IN ('vendor', 'institute') ORDER BY id`);
  const perUser = Array.from({ length: input.count }, (_, i) => input.searchesPerUser(i));
  const total = perUser.reduce((a, b) => a + b, 0);
  const queries = savedQueries(total);
  await client.query(`
    INSERT INTO "User" (id, email, name, locale, "emailVerifiedAt", "updatedAt")
    SELECT 'dgu' || lpad(g::text, 6, '0'), 'subscriber' || g || '@bench.example.cn', '订阅者 ' || g,
      CASE WHEN g % 5 = 0 THEN 'en' ELSE 'zh-CN' END, now(), now()
    FROM generate_series(1, $1::int) g`, [input.count]);
  await client.query(`
    INSERT INTO "Membership" (id, "userId", "orgId", role)
    SELECT 'dgm' || g, 'dgu' || lpad(g::text, 6, '0'), ($2::text[])[1 + g % array_length($2::text[], 1)], 'vendor_member'
    FROM generate_series(1, $1::int) g`, [input.count, orgs.map((o) => o.id)]);
  const userIds: string[] = [];
  perUser.forEach((n, i) => { for (let k = 0; k < n; k += 1) userIds.push(`dgu${String(i + 1).padStart(6, "0")}`); });
  await client.query(`
    INSERT INTO "SavedSearch" (id, "userId", "orgId", name, query, frequency, "updatedAt")
    SELECT 'dgs' || s.n, s.u, m."orgId", '订阅 ' || s.n, s.q, 'daily', now()
    FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(u, q, n)
    JOIN "Membership" m ON m."userId" = s.u`, [userIds, queries]);
  // The last digest: its window ended where this run's begins, so "new since the last run" is exact.
  await client.query(`
    INSERT INTO "DigestRun" (id, "userId", frequency, period, "windowStart", "windowEnd", items)
    SELECT 'dgr' || g, 'dgu' || lpad(g::text, 6, '0'), 'daily', $2, ($3::timestamptz AT TIME ZONE 'UTC') - interval '1 day', $3::timestamptz AT TIME ZONE 'UTC', 0
    FROM generate_series(1, $1::int) g`, [input.count, input.previousPeriod, input.previousWindowEnd.toISOString()]);
  return { searches: total, distinctQueries: new Set(queries).size };
}
