import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let links: typeof import("../../app/modules/evaluation/org-links.server");
let pool: typeof import("../../app/modules/evaluation/pool.server");
let conflicts: typeof import("../../app/modules/evaluation/conflicts");
let route: typeof import("../../app/routes/admin.organisation-links");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  links = await import("../../app/modules/evaluation/org-links.server");
  pool = await import("../../app/modules/evaluation/pool.server");
  conflicts = await import("../../app/modules/evaluation/conflicts");
  route = await import("../../app/routes/admin.organisation-links");
});
afterAll(() => cleanup?.());

type Reply = { init: ResponseInit | null; data: { result: { error?: Record<string, string[]> } } };

async function post(userId: string, fields: Record<string, string>, search = "") {
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
  const request = new Request(`http://jiebang.test/admin/organisation-links${search}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  try {
    return (await route.action({ request, params: {}, context: {} })) as unknown as Response | Reply;
  } catch (thrown) {
    return thrown as Response;
  }
}
const status = (r: Response | Reply) => (r instanceof Response ? r.status : (r.init?.status ?? 200));
const errors = (r: Response | Reply) => (r as Reply).data.result.error;

async function linksBetween(a: string, b: string) {
  return db.organisationLink.findMany({ where: { OR: [{ fromOrgId: a, toOrgId: b }, { fromOrgId: b, toOrgId: a }] }, select: { id: true, kind: true, note: true } });
}

describe("organisation links", () => {
  it("an admin adds a link and removes it; both are audited with what the link was", async () => {
    const admin = await createUser(db, "admin");
    const parent = await createOrganisation(db, "vendor", "中原测试控股集团");
    const child = await createOrganisation(db, "vendor");
    const added = await post(admin.id, { intent: "add", fromOrgId: parent.id, toOrgId: child.id, kind: "parent", note: "持股 70%" }, `?q=${encodeURIComponent("中原测试")}&from=${parent.id}&to=${child.id}`);
    expect(status(added)).toBe(302);
    // Back to the same search, with the picks cleared for the next link.
    expect((added as Response).headers.get("Location")).toBe(`/admin/organisation-links?q=${encodeURIComponent("中原测试")}`);
    const [link] = await linksBetween(parent.id, child.id);
    expect(link).toMatchObject({ kind: "parent", note: "持股 70%" });
    const addAudit = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.link_add", entityId: parent.id } });
    expect(addAudit).toMatchObject({ actorId: admin.id, entityType: "organisation", orgId: parent.id });
    expect(addAudit.data).toEqual({ linkId: link!.id, fromOrgId: parent.id, toOrgId: child.id, kind: "parent", note: "持股 70%" });

    const removed = await post(admin.id, { intent: "remove", linkId: link!.id });
    expect(status(removed)).toBe(302);
    expect(await linksBetween(parent.id, child.id)).toEqual([]);
    const removeAudit = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.link_remove", entityId: parent.id } });
    expect(removeAudit.data).toEqual({ linkId: link!.id, fromOrgId: parent.id, toOrgId: child.id, kind: "parent", note: "持股 70%" });

    expect(status(await post(admin.id, { intent: "remove", linkId: link!.id }))).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "organisation.link_remove", entityId: parent.id } })).toBe(1);
  });

  it("refuses the same fact twice (also said the other way round), a link to itself, and no pick", async () => {
    const admin = await createUser(db, "admin");
    const a = await createOrganisation(db, "vendor");
    const b = await createOrganisation(db, "vendor");
    expect(status(await post(admin.id, { intent: "add", fromOrgId: a.id, toOrgId: b.id, kind: "parent" }))).toBe(302);
    const same = await post(admin.id, { intent: "add", fromOrgId: a.id, toOrgId: b.id, kind: "parent" });
    expect(status(same)).toBe(409);
    expect(errors(same)?.[""]).toEqual(["ep.v.linkExists"]);
    // B subsidiary of A is the same fact as A parent of B.
    expect(status(await post(admin.id, { intent: "add", fromOrgId: b.id, toOrgId: a.id, kind: "subsidiary" }))).toBe(409);
    // A shareholding is another fact, and kept.
    expect(status(await post(admin.id, { intent: "add", fromOrgId: a.id, toOrgId: b.id, kind: "shareholder" }))).toBe(302);

    const self = await post(admin.id, { intent: "add", fromOrgId: a.id, toOrgId: a.id, kind: "same_group" });
    expect(status(self)).toBe(400);
    expect(errors(self)?.toOrgId).toEqual(["ep.v.sameOrg"]);
    const unpicked = await post(admin.id, { intent: "add", fromOrgId: "", toOrgId: b.id, kind: "same_group" });
    expect(status(unpicked)).toBe(400);
    expect(errors(unpicked)?.fromOrgId).toEqual(["ep.v.pickFrom"]);
    const unknown = await post(admin.id, { intent: "add", fromOrgId: "no-such-org", toOrgId: b.id, kind: "same_group" });
    expect(status(unknown)).toBe(400);
    expect((await linksBetween(a.id, b.id)).map((l) => l.kind).sort()).toEqual(["parent", "shareholder"]);
  });

  it("refuses everyone but admins with 403 and leaves the links unchanged", async () => {
    const admin = await createUser(db, "admin");
    const a = await createOrganisation(db, "vendor");
    const b = await createOrganisation(db, "vendor");
    const { id } = await links.addLink({ id: admin.id, memberships: [{ orgId: admin.orgId, role: "admin" }] }, { fromOrgId: a.id, toOrgId: b.id, kind: "same_group", note: "" });
    for (const role of ["vendor", "officer", "evaluator"] as const) {
      const user = await createUser(db, role);
      expect(status(await post(user.id, { intent: "add", fromOrgId: b.id, toOrgId: a.id, kind: "parent" }))).toBe(403);
      expect(status(await post(user.id, { intent: "remove", linkId: id }))).toBe(403);
    }
    const vendor = await createUser(db, "vendor", { orgId: a.id });
    await expect(links.removeLink({ id: vendor.id, memberships: [{ orgId: a.id, role: "vendor_member" }] }, id)).rejects.toMatchObject({ status: 403 });
    expect((await linksBetween(a.id, b.id)).map((l) => l.id)).toEqual([id]);
    // Only the admin's own addition is in the log.
    expect(await db.auditEvent.count({ where: { action: { in: ["organisation.link_add", "organisation.link_remove"] }, entityId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it("finds organisations by name or credit code", async () => {
    const org = await createOrganisation(db, "institute", "黄河测试水利研究院");
    const code = (await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { creditCode: true } })).creditCode!;
    expect((await links.searchOrganisations("测试水利")).map((o) => o.id)).toContain(org.id);
    expect((await links.searchOrganisations(code.slice(0, 12).toLowerCase())).map((o) => o.id)).toContain(org.id);
  });
});

describe("what conflict detection reads", () => {
  it("linksTouching returns links in either direction, and an expert from a vendor's parent company is conflicted on its proposal", async () => {
    const admin = await createUser(db, "admin");
    const adminActor = { id: admin.id, memberships: [{ orgId: admin.orgId, role: "admin" as const }] };
    const group = await createOrganisation(db, "vendor");
    const vendor = await createOrganisation(db, "vendor");
    const unrelated = await createOrganisation(db, "vendor");
    await links.addLink(adminActor, { fromOrgId: group.id, toOrgId: vendor.id, kind: "parent", note: "" });
    await links.addLink(adminActor, { fromOrgId: unrelated.id, toOrgId: group.id, kind: "shareholder", note: "" });

    expect(await links.linksTouching([vendor.id])).toEqual([{ fromOrgId: group.id, toOrgId: vendor.id, kind: "parent" }]);
    expect((await links.linksTouching([group.id])).length).toBe(2);
    expect(await links.linksTouching([])).toEqual([]);

    const expert = await createUser(db, "evaluator");
    await pool.updateOwnProfile({ id: expert.id, memberships: [{ orgId: expert.orgId, role: "evaluator" }] }, {
      updatedAt: "", title: "", expertise: "", sectors: [], techTags: [],
      affiliations: [{ org: (await db.organisation.findUniqueOrThrow({ where: { id: group.id } })).name, fromYear: 2018 }],
    });
    const affiliations = await pool.evaluatorAffiliations(expert.id);
    const found = conflicts.detectConflicts(affiliations, { leadOrgId: vendor.id, memberOrgIds: [] }, await links.linksTouching(affiliations.map((a) => a.orgId)), new Date().getFullYear());
    expect(found).toEqual([expect.objectContaining({ kind: "linked_org", orgId: group.id, viaOrgId: vendor.id, link: "parent" })]);
  });
});
