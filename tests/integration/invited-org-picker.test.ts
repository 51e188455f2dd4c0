import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { callAction, callLoader, cookieFor } from "../fixtures/route-calls";
import { createUser, testCreditCode, uniqueSuffix } from "../fixtures/users";
import { INVITABLE_SHOWN, type InvitableOrgs } from "../../app/modules/scenarios/invitable-orgs";

// A directed call (定向委托) invites organisations picked from thousands: the picker lists the chosen
// ones, a few suggestions, and what a search by name or credit code finds; a department never.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let picker: typeof import("../../app/modules/scenarios/invitable-orgs.server");
let newRoute: typeof import("../../app/routes/department.scenarios.new");

const marker = `检索测试${uniqueSuffix()}`;
type Org = { id: string; name: string; creditCode: string; verified: boolean };
const orgs: Org[] = [];
let department: Org;

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  picker = await import("../../app/modules/scenarios/invitable-orgs.server");
  newRoute = await import("../../app/routes/department.scenarios.new");
  const select = { id: true, name: true, creditCode: true, verified: true } as const;
  // 26 vendors and one institute share the marker; every third vendor is not yet verified.
  for (let i = 0; i < 27; i++) {
    const type = i === 26 ? "institute" : "vendor";
    orgs.push(await db.organisation.create({ data: { name: `${marker}单位${String(i).padStart(2, "0")}`, type, creditCode: testCreditCode(type === "vendor" ? "91" : "12"), verified: i % 3 !== 0 }, select }) as Org);
  }
  department = await db.organisation.create({ data: { name: `${marker}发榜部门`, type: "department", creditCode: testCreditCode("11"), verified: true }, select }) as Org;
});
afterAll(() => cleanup?.());

const ids = (list: InvitableOrgs) => list.orgs.map((o) => o.id);

describe("the invited organisations' picker", () => {
  it("finds vendors and institutes by part of the name, verified first, at most a page of them", async () => {
    const found = await picker.invitableOrgs([], `  ${marker} `);
    expect(found.query).toBe(marker);
    expect(found.matched).toBe(27);
    expect(found.orgs).toHaveLength(INVITABLE_SHOWN);
    expect(ids(found)).not.toContain(department.id);
    const byName = (a: Org, b: Org) => (a.name < b.name ? -1 : 1);
    const expected = [...orgs.filter((o) => o.verified).sort(byName), ...orgs.filter((o) => !o.verified).sort(byName)];
    expect(ids(found)).toEqual(expected.slice(0, INVITABLE_SHOWN).map((o) => o.id));
    expect(found.total).toBeGreaterThanOrEqual(27);
  });

  it("lists the chosen ones first, whether or not the search finds them, and not twice", async () => {
    const unverified = orgs.find((o) => !o.verified)!;
    const found = await picker.invitableOrgs([unverified.id, department.id, unverified.id], marker);
    expect(found.orgs[0]).toEqual({ id: unverified.id, name: unverified.name, verified: false });
    expect(ids(found).filter((id) => id === unverified.id)).toHaveLength(1);
    expect(ids(found)).not.toContain(department.id);
    expect(found.orgs).toHaveLength(1 + INVITABLE_SHOWN);
    const elsewhere = await picker.invitableOrgs([unverified.id], "没有这样的单位名称");
    expect(found.matched).toBe(27);
    expect(elsewhere).toMatchObject({ matched: 0, orgs: [{ id: unverified.id }] });
  });

  it("finds one by its credit code, typed in lower case", async () => {
    const one = orgs[7]!;
    const found = await picker.invitableOrgs([], one.creditCode.slice(4).toLowerCase());
    expect(found.matched).toBe(1);
    expect(ids(found)).toEqual([one.id]);
  });

  it("searches through the scenario form without saving it, and keeps what was typed and ticked", async () => {
    const officer = await createUser(db, "officer");
    const cookie = await cookieFor(db, officer.id);
    const before = await db.scenario.count();
    const chosen = orgs[25]!;
    const search = await callAction(newRoute.action, "/department/scenarios/new", {}, {
      title: "水库水位预测（未填完）", mechanism: "directed", invitedOrgIds: chosen.id, orgQuery: orgs[4]!.name, intent: "find-orgs",
    }, cookie);
    expect(search.status).toBe(200);
    const body = search.body as { result: { status: string; initialValue: Record<string, unknown>; error?: unknown }; invitable: InvitableOrgs };
    expect(body.result.status).toBe("success");
    expect(body.result.initialValue).toMatchObject({ title: "水库水位预测（未填完）", invitedOrgIds: chosen.id });
    expect(ids(body.invitable)).toEqual([chosen.id, orgs[4]!.id]);
    expect(await db.scenario.count()).toBe(before);

    // A save that fails validation still names the organisation chosen from a search.
    const failed = await callAction(newRoute.action, "/department/scenarios/new", {}, { title: "水库水位预测", mechanism: "directed", invitedOrgIds: chosen.id }, cookie);
    expect(failed.status).toBe(400);
    expect(ids((failed.body as { invitable: InvitableOrgs }).invitable)[0]).toBe(chosen.id);
    expect(await db.scenario.count()).toBe(before);

    const page = await callLoader(newRoute.loader, "/department/scenarios/new", {}, cookie);
    expect((page.body as { invitable: InvitableOrgs }).invitable.orgs.length).toBeLessThanOrEqual(INVITABLE_SHOWN);
  });
});
