import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";

/**
 * The search pages name the department facet's ids from a per-process list kept for a minute
 * (search/department-names.server.ts): names in the database's order, a department created since
 * named at once, a rename shown once the minute is over, and nothing but departments.
 */
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let names: typeof import("../../search/department-names.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  names = await import("../../search/department-names.server");
});
afterAll(() => cleanup?.());
afterEach(() => vi.useRealTimers());

describe("department names for the search facet", () => {
  it("names departments in name order, knows a new one at once, and shows a rename after a minute", async () => {
    const suffix = uniqueSuffix();
    const water = await createOrganisation(db, "department", `郑州市水利局 ${suffix}`);
    const archives = await createOrganisation(db, "department", `郑州市档案局 ${suffix}`);
    const vendor = await createOrganisation(db, "vendor", `中原智能 ${suffix}`);
    // Only Date is faked: the database client keeps its real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const at = (ms: number) => vi.setSystemTime(start + ms);
    const first = await names.departmentNames([water.id, archives.id, vendor.id]);
    const ordered = await db.organisation.findMany({ where: { id: { in: [water.id, archives.id] } }, orderBy: { name: "asc" }, select: { id: true } });
    expect(first.map((d) => d.id)).toEqual(ordered.map((d) => d.id));

    // Created after the list was kept: named on the next page all the same.
    const transport = await createOrganisation(db, "department", `郑州市交通运输局 ${suffix}`);
    at(1000);
    expect((await names.departmentNames([transport.id])).map((d) => d.name)).toEqual([`郑州市交通运输局 ${suffix}`]);

    await db.organisation.update({ where: { id: water.id }, data: { name: `郑州市水务局 ${suffix}` } });
    at(2000);
    expect((await names.departmentNames([water.id]))[0]!.name).toBe(`郑州市水利局 ${suffix}`);
    at(63_000);
    expect((await names.departmentNames([water.id]))[0]!.name).toBe(`郑州市水务局 ${suffix}`);
    expect(await names.departmentNames([])).toEqual([]);
  });
});
