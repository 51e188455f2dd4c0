import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let profile: typeof import("../../app/modules/organisations/profile.server");
let route: typeof import("../../app/routes/vendor.profile");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  profile = await import("../../app/modules/organisations/profile.server");
  route = await import("../../app/routes/vendor.profile");
});
afterAll(() => cleanup?.());

type Member = { id: string; orgId: string; memberships: { orgId: string; role: "vendor_member" }[] };

async function vendorMember(orgId?: string): Promise<Member> {
  const user = await createUser(db, "vendor", orgId ? { orgId } : {});
  return { id: user.id, orgId: user.orgId, memberships: [{ orgId: user.orgId, role: "vendor_member" }] };
}

async function tokenOf(orgId: string): Promise<string> {
  return (await db.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { updatedAt: true } })).updatedAt.toISOString();
}

const input = (updatedAt: string) => ({
  updatedAt, intro: "面向防汛应急的大模型与知识图谱。", introEn: null, sectors: ["disaster_prevention" as const], techTags: ["llm" as const],
  districts: ["zhengdong" as const], products: ["防汛问答大模型"], certifications: ["通过测评的大模型产品"], teamSize: 30,
  website: "https://flood.example.cn", contactName: "张伟", contactPhone: "0371-60001234", contactEmail: "zw@flood.example.cn",
  pastCases: [{ title: "黄河防汛知识库", sector: "disaster_prevention" as const, year: 2024, summary: "汛期值守" }],
});

async function syncJobs(orgId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pgboss.job WHERE name = 'search-sync' AND data->>'kind' = 'organisation' AND data->>'id' = ${orgId}`;
  return Number(rows[0]!.n);
}

describe("updateProfile", () => {
  it("saves fields and cases, audits the changed field names and enqueues the search sync", async () => {
    const member = await vendorMember();
    const result = await profile.updateProfile(member, member.orgId, input(await tokenOf(member.orgId)));
    expect(result.changed).toEqual(expect.arrayContaining(["intro", "sectors", "techTags", "teamSize", "website", "pastCases"]));
    const org = await db.organisation.findUniqueOrThrow({ where: { id: member.orgId }, include: { pastCases: true } });
    expect(org).toMatchObject({ intro: "面向防汛应急的大模型与知识图谱。", teamSize: 30, certifications: ["通过测评的大模型产品"] });
    expect(org.pastCases.map((c) => [c.title, c.sector, c.year])).toEqual([["黄河防汛知识库", "disaster_prevention", 2024]]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: member.orgId, action: "organisation.profile_update" } });
    expect(audit).toMatchObject({ actorId: member.id, entityType: "organisation", orgId: member.orgId });
    expect((audit.data as { fields: string[] }).fields).toContain("pastCases");
    expect(await syncJobs(member.orgId)).toBe(1);
  });

  it("replaces past cases and names only what changed", async () => {
    const member = await vendorMember();
    await profile.updateProfile(member, member.orgId, input(await tokenOf(member.orgId)));
    const next = { ...input(await tokenOf(member.orgId)), teamSize: 31, pastCases: [{ title: "智慧停车", sector: "transport" as const, year: 2025, summary: "" }] };
    const result = await profile.updateProfile(member, member.orgId, next);
    expect(result.changed.sort()).toEqual(["pastCases", "teamSize"]);
    expect((await db.pastCase.findMany({ where: { orgId: member.orgId } })).map((c) => c.title)).toEqual(["智慧停车"]);
  });

  it("lets any member of the organisation edit, and refuses a member of another organisation", async () => {
    const owner = await vendorMember();
    const colleague = await vendorMember(owner.orgId);
    await expect(profile.updateProfile(colleague, owner.orgId, input(await tokenOf(owner.orgId)))).resolves.toBeDefined();
    const outsider = await vendorMember();
    const before = await tokenOf(owner.orgId);
    await expect(profile.updateProfile(outsider, owner.orgId, { ...input(before), intro: "篡改" })).rejects.toMatchObject({ status: 403 });
    await expect(profile.getProfileForEdit(outsider, owner.orgId)).rejects.toMatchObject({ status: 403 });
    expect(await tokenOf(owner.orgId)).toBe(before);
  });

  it("refuses an officer acting on a vendor, and a member on a department's organisation", async () => {
    const vendor = await vendorMember();
    const officer = await createUser(db, "officer");
    await expect(profile.updateProfile({ id: officer.id, memberships: [{ orgId: vendor.orgId, role: "officer" }] }, vendor.orgId, input(await tokenOf(vendor.orgId))))
      .rejects.toMatchObject({ status: 403 });
    const department = await createOrganisation(db, "department");
    await expect(profile.updateProfile({ id: vendor.id, memberships: [{ orgId: department.id, role: "vendor_member" }] }, department.id, input(await tokenOf(department.id))))
      .rejects.toMatchObject({ status: 404 });
  });

  it("refuses a stale updatedAt with 409 error.conflict, and rolls back audit and job", async () => {
    const a = await vendorMember();
    const stale = await tokenOf(a.orgId);
    await profile.updateProfile(a, a.orgId, input(stale));
    await expect(profile.updateProfile(a, a.orgId, { ...input(stale), intro: "覆盖别人的修改" })).rejects.toMatchObject({ status: 409, label: "error.conflict" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: a.orgId } })).intro).toBe("面向防汛应急的大模型与知识图谱。");
    expect(await db.auditEvent.count({ where: { entityId: a.orgId, action: "organisation.profile_update" } })).toBe(1);
    expect(await syncJobs(a.orgId)).toBe(1);
  });
});

describe("the /vendor/profile route", () => {
  async function post(userId: string, fields: Record<string, string>) {
    const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
    const request = new Request("http://jiebang.test/vendor/profile", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    try {
      return (await route.action({ request, params: {}, context: {} })) as unknown as Response | { init: ResponseInit | null; data: { result: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> } } };
    } catch (thrown) {
      return thrown as Response;
    }
  }
  const status = (r: Response | { init: ResponseInit | null }) => (r instanceof Response ? r.status : (r.init?.status ?? 200));

  it("returns 400 with what was typed and per-row case errors", async () => {
    const member = await vendorMember();
    const response = await post(member.id, { updatedAt: await tokenOf(member.orgId), intro: "简介", "pastCases[0].title": "好案例", "pastCases[0].sector": "healthcare", "pastCases[0].year": "2022", "pastCases[1].title": "坏行" });
    expect(status(response)).toBe(400);
    const body = (response as { data: { result: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> } } }).data.result;
    expect(body.error).toEqual({ "pastCases[1].sector": ["pfv.row.caseSector"], "pastCases[1].year": ["pfv.row.caseYear"] });
    expect(body.initialValue?.intro).toBe("简介");
  });

  it("returns 409 for a stale token, keeping the input; redirects with a toast on success", async () => {
    const member = await vendorMember();
    const stale = await tokenOf(member.orgId);
    const ok = await post(member.id, { updatedAt: stale, intro: "第一次保存" });
    expect(status(ok)).toBe(302);
    expect((ok as Response).headers.get("Set-Cookie")).toContain("jb_toast");
    const conflict = await post(member.id, { updatedAt: stale, intro: "第二次保存" });
    expect(status(conflict)).toBe(409);
  });

  it("is closed to officers (403)", async () => {
    const officer = await createUser(db, "officer");
    expect(status(await post(officer.id, { updatedAt: new Date().toISOString(), intro: "x" }))).toBe(403);
  });
});
