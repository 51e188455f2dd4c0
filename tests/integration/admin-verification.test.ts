import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainEvents } from "../fixtures/drain-events";
import { createSessionToken, createUser, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// The organisation verification queue: the credit code's check digit is tested, a rejection needs
// a reason, every decision is audited and reaches the organisation's members as a notification.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let route: typeof import("../../app/routes/admin.organisations");
let admin: { id: string; cookie: string };

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  route = await import("../../app/routes/admin.organisations");
  const user = await createUser(db, "admin");
  admin = { id: user.id, cookie: `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}` };
});

afterAll(async () => {
  await database?.cleanup();
});

async function selfRegistered(creditCode: string) {
  const org = await db.organisation.create({ data: { name: `自注册科技 ${uniqueSuffix()}`, type: "vendor", creditCode, verified: false }, select: { id: true, name: true } });
  const member = await createUser(db, "vendor", { orgId: org.id });
  return { ...org, member };
}

function post(fields: Record<string, string>, search = "") {
  const body = new URLSearchParams(fields);
  return route.action({ request: new Request(`http://jiebang.test/admin/organisations${search}`, { method: "POST", headers: { Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body }), params: {}, context: {} });
}
const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: ResponseInit | null }).init?.status ?? 200));

describe("organisation verification queue", () => {
  it("lists pending organisations with the credit code checked, searchable and paged through the URL", async () => {
    const good = await selfRegistered(testCreditCode("91"));
    const code = testCreditCode("91");
    const bad = await selfRegistered(code.slice(0, 17) + (code[17] === "0" ? "1" : "0"));
    const page = await route.loader({ request: new Request(`http://jiebang.test/admin/organisations?q=${encodeURIComponent("自注册")}`, { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
    const rows = new Map(page.rows.map((r) => [r.id, r]));
    expect(rows.get(good.id)).toMatchObject({ state: "pending", creditCheck: "valid" });
    expect(rows.get(bad.id)).toMatchObject({ state: "pending", creditCheck: "invalid" });
    expect(page.rows.every((r) => r.name.includes("自注册"))).toBe(true);
    // A verified organisation is not in the pending queue.
    const verifiedOnly = await route.loader({ request: new Request("http://jiebang.test/admin/organisations?state=verified&page=abc", { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
    expect(verifiedOnly.rows.some((r) => r.id === good.id)).toBe(false);
    expect(verifiedOnly.page).toBe(1);
  });

  it("refuses to verify a code whose check digit is wrong (422, unchanged)", async () => {
    const code = testCreditCode("91");
    const bad = await selfRegistered(code.slice(0, 17) + (code[17] === "0" ? "1" : "0"));
    const result = await post({ intent: "verify", orgId: bad.id });
    expect(statusOf(result)).toBe(422);
    expect((result as { data: { error: string } }).data.error).toBe("adm.verify.error.creditCode");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: bad.id } })).verified).toBe(false);
  });

  it("a rejection needs a reason; with one it is recorded, audited and told to the members with the reason", async () => {
    const org = await selfRegistered(testCreditCode("91"));
    expect(statusOf(await post({ intent: "reject", orgId: org.id, reason: "" }))).toBe(400);
    const response = await post({ intent: "reject", orgId: org.id, reason: "营业执照与信用代码不一致" });
    expect(statusOf(response)).toBe(302);
    const row = await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { verified: true, rejectedAt: true, rejectionReason: true } });
    expect(row).toMatchObject({ verified: false, rejectionReason: "营业执照与信用代码不一致" });
    expect(row.rejectedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organisation.reject" } });
    expect(audit).toMatchObject({ actorId: admin.id, data: { reason: "营业执照与信用代码不一致", creditCodeValid: true } });
    await drainEvents();
    const notice = await db.notification.findFirstOrThrow({ where: { userId: org.member.id, kind: "organisation.verification_decided" } });
    expect(notice.title).toContain("未通过认证");
    expect(notice.body).toContain("营业执照与信用代码不一致");
    // Rejected twice: the second is a clear 409, not a second event.
    expect(statusOf(await post({ intent: "reject", orgId: org.id, reason: "再次驳回的理由" }))).toBe(409);
  });

  it("verifying (also after a rejection) marks the organisation verified, audits and notifies; unknown ids are 404", async () => {
    const org = await selfRegistered(testCreditCode("91"));
    await post({ intent: "reject", orgId: org.id, reason: "联系人电话无法接通" });
    await drainEvents();
    expect(statusOf(await post({ intent: "verify", orgId: org.id }))).toBe(302);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { verified: true, rejectedAt: true, rejectionReason: true } }))
      .toEqual({ verified: true, rejectedAt: null, rejectionReason: null });
    expect(await db.auditEvent.count({ where: { entityId: org.id, action: "organisation.verify", actorId: admin.id } })).toBe(1);
    await drainEvents();
    const notices = await db.notification.findMany({ where: { userId: org.member.id, kind: "organisation.verification_decided" }, orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => n.title)).toEqual(["机构认证结果：未通过认证", "机构认证结果：已通过认证"]);
    expect(notices[0]!.body).toContain("联系人电话无法接通");
    expect(statusOf(await post({ intent: "verify", orgId: "nonexistent" }))).toBe(404);
    expect(statusOf(await post({ intent: "unverify", orgId: org.id }))).toBe(302);
    expect(await db.auditEvent.count({ where: { entityId: org.id, action: "organisation.unverify" } })).toBe(1);
  });

  it("a decision overtaken before the worker ran is not announced (no stale 'rejected' after a verification)", async () => {
    const org = await selfRegistered(testCreditCode("91"));
    await post({ intent: "reject", orgId: org.id, reason: "材料不全，请补充" });
    await post({ intent: "verify", orgId: org.id });
    await drainEvents();
    const notices = await db.notification.findMany({ where: { userId: org.member.id, kind: "organisation.verification_decided" } });
    expect(notices.map((n) => n.title)).toEqual(["机构认证结果：已通过认证"]);
  });
});
