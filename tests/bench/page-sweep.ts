import type pg from "pg";

/**
 * Every kind of page once, on the large data set, as the people who use them: the pages measured under
 * load are a few; a page that lists "all" of something can fail only at this size (a select of every
 * organisation, a query with one parameter per listing). Reports status, time and size of each; the
 * benchmark fails on any 5xx.
 */
export type SweepRow = { as: string; path: string; status: number; ms: number; bytes: number };

export type SweepViewer = "visitor" | "admin" | "officer" | "vendor" | "evaluator";

/** Demo accounts the seed creates (README), one per role. */
export const SWEEP_ACCOUNTS: Record<Exclude<SweepViewer, "visitor">, string> = {
  admin: "admin@jiebang.example.cn",
  officer: "officer.health@zz.example.cn",
  vendor: "vendor@zhongyuan-ai.example.com",
  evaluator: "expert@jiebang.example.cn",
};

const firstValue = async (client: pg.Client, sql: string): Promise<string> => String((await client.query<{ v: string }>(sql)).rows[0]?.v ?? "");

/** A demo listing still open for proposals (not a generated one): the detail page the benchmark loads. */
export const openScenarioCode = (client: pg.Client) =>
  firstValue(client, `SELECT code AS v FROM "Scenario" WHERE status = 'published' AND code NOT LIKE 'BM-%' ORDER BY code LIMIT 1`);

export async function sweepPaths(client: pg.Client): Promise<Record<SweepViewer, string[]>> {
  const one = (sql: string) => firstValue(client, sql);
  const open = await openScenarioCode(client);
  const generated = await one(`SELECT code AS v FROM "Scenario" WHERE code LIKE 'BM-%' AND status = 'completed' LIMIT 1`);
  const awarded = await one(`SELECT code AS v FROM "Scenario" WHERE status IN ('notice', 'awarded', 'in_delivery', 'completed') AND code NOT LIKE 'BM-%' ORDER BY code LIMIT 1`);
  const department = await one(`SELECT id AS v FROM "Organisation" WHERE type = 'department' ORDER BY name LIMIT 1`);
  const vendor = await one(`SELECT id AS v FROM "Organisation" WHERE type = 'vendor' ORDER BY name LIMIT 1`);
  return {
    visitor: [
      "/", "/scenarios", "/scenarios?status=all&page=4000", "/scenarios?page=999999", "/scenarios?sort=deadline&deadline=7d",
      "/scenarios?sort=budget&budget=gt_1000w&status=all", "/scenarios?q=%E5%A4%A7%E6%A8%A1%E5%9E%8B&status=all",
      `/scenarios/${open}`, `/scenarios/${generated}`, `/scenarios/${open}/questions`, "/vendors", "/vendors?q=ocr&page=300",
      `/vendors/${vendor}`, "/cases", "/cases?page=500", "/notices", `/notices/${awarded}`, "/results", "/results?page=200",
      "/stats", "/stats.csv/sector", "/opendata", "/opendata/ocds/releases.json", "/feeds/scenarios.atom", "/feeds/awards.atom",
      `/feeds/departments/${department}/scenarios.atom`, "/feeds/sectors/healthcare/scenarios.atom",
    ],
    admin: [
      "/admin", "/admin/search", "/admin/audit", "/admin/audit.csv", "/admin/users", "/admin/users?q=a", "/admin/organisations",
      "/admin/organisations?page=100", "/admin/jobs", "/admin/mail", "/admin/evaluators", "/admin/invitations",
      "/admin/invitations?org=%E7%A7%91%E6%8A%80", "/admin/objections", "/admin/organisation-links",
    ],
    officer: ["/department", "/department/scenarios/new", "/notifications", "/account"],
    vendor: ["/vendor", "/vendor/proposals", "/vendor/profile", "/vendor/searches", "/organisation/members"],
    evaluator: ["/evaluator", "/evaluator/profile"],
  };
}

export async function sweepPages(base: string, paths: Record<SweepViewer, string[]>, cookies: Partial<Record<SweepViewer, string>>): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  for (const [as, list] of Object.entries(paths) as [SweepViewer, string[]][]) {
    for (const path of list) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { cookie: cookies[as] ?? "" }, redirect: "manual" });
      const bytes = (await response.arrayBuffer()).byteLength;
      rows.push({ as, path, status: response.status, ms: Math.round(performance.now() - started), bytes });
    }
  }
  return rows;
}
