import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";

// The home page's four counts are right, and kept for a minute per process rather than counted on
// every view (a new department shows up on the next refresh, not on the next view).
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
});
afterAll(() => cleanup?.());

describe("home page counts", () => {
  it("match the database and are counted once a minute, not per view", async () => {
    const route = await import("../../app/routes/_index");
    const { countHomeStats } = await import("../../app/modules/scenarios/home-stats.server");
    const load = async () => (await route.loader({ request: new Request("http://jiebang.test/"), params: {}, context: {} })).stats;
    const first = await load();
    expect(first).toEqual({
      open: await db.scenario.count({ where: { status: "published" } }),
      departments: await db.organisation.count({ where: { type: "department" } }),
      vendors: await db.organisation.count({ where: { type: { in: ["vendor", "institute"] }, verified: true } }),
      delivered: await db.scenario.count({ where: { status: "completed" } }),
    });
    await createOrganisation(db, "department", `郑州市测试局（${uniqueSuffix()}）`);
    expect((await load()).departments).toBe(first.departments);
    expect((await countHomeStats()).departments).toBe(first.departments + 1);
  });
});
