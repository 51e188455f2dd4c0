import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// Users and memberships in the admin console: disabling ends every session at once and login is
// refused with its own message (after the right password only); role changes stay within what the
// organisation's kind allows; everything is audited.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let route: typeof import("../../app/routes/admin.users");
let perms: typeof import("../../app/utils/permissions.server");
let login: typeof import("../../app/modules/accounts/login.server");
let passwordHash: string;
let admin: { id: string; cookie: string };
const PASSWORD = "correct horse battery 9";

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  route = await import("../../app/routes/admin.users");
  perms = await import("../../app/utils/permissions.server");
  login = await import("../../app/modules/accounts/login.server");
  passwordHash = await (await import("../../app/modules/accounts/passwords.server")).hashPassword(PASSWORD);
  const user = await createUser(db, "admin");
  admin = { id: user.id, cookie: `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}` };
});

afterAll(async () => {
  await database?.cleanup();
});

const cookieOf = async (userId: string) => `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: ResponseInit | null }).init?.status ?? 200));
function post(fields: Record<string, string>, cookie = admin.cookie) {
  return route.action({ request: new Request("http://jiebang.test/admin/users", { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }), params: {}, context: {} });
}

describe("disabling a user", () => {
  it("ends every session at once, refuses login with a clear message after the right password, and is audited", async () => {
    const vendor = await createUser(db, "vendor", { passwordHash, name: "停用测试 王五" });
    const cookies = [await cookieOf(vendor.id), await cookieOf(vendor.id)];
    const asVendor = (cookie: string) => perms.getCurrentUser(new Request("http://jiebang.test/vendor", { headers: { Cookie: cookie } }));
    expect(await asVendor(cookies[0]!)).not.toBeNull();

    expect(statusOf(await post({ intent: "disable", userId: vendor.id, reason: "" }))).toBe(400);
    expect(statusOf(await post({ intent: "disable", userId: vendor.id, reason: "冒用单位名义注册" }))).toBe(302);

    expect(await db.session.count({ where: { userId: vendor.id } })).toBe(0);
    for (const cookie of cookies) expect(await asVendor(cookie)).toBeNull();
    await expect(login.logIn(vendor.email, PASSWORD, "203.0.113.7")).rejects.toMatchObject({ label: "auth.disabled", status: 403 });
    // A wrong password gets the usual answer: the disabled state is not told to someone guessing.
    await expect(login.logIn(vendor.email, "wrong password 1", "203.0.113.7")).rejects.toMatchObject({ label: "auth.invalidCredentials" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: vendor.id, action: "user.disable" } });
    expect(audit).toMatchObject({ actorId: admin.id, data: { reason: "冒用单位名义注册", sessionsEnded: 2 } });
    expect(await db.auditEvent.count({ where: { entityId: vendor.id, action: "user.login_refused_disabled" } })).toBe(1);

    // Listed as disabled; enabling lets them in again, also audited.
    const page = await route.loader({ request: new Request("http://jiebang.test/admin/users?state=disabled&q=%E5%81%9C%E7%94%A8%E6%B5%8B%E8%AF%95", { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
    expect(page.rows.map((r) => r.id)).toEqual([vendor.id]);
    expect(statusOf(await post({ intent: "enable", userId: vendor.id, reason: "已核实身份" }))).toBe(302);
    await expect(login.logIn(vendor.email, PASSWORD, "203.0.113.7")).resolves.toMatchObject({ userId: vendor.id });
    expect(await db.auditEvent.count({ where: { entityId: vendor.id, action: "user.enable", actorId: admin.id } })).toBe(1);
  });

  it("an admin cannot disable themselves; a non-admin cannot post at all; unknown users are 404", async () => {
    expect(statusOf(await post({ intent: "disable", userId: admin.id, reason: "试图停用自己" }))).toBe(409);
    expect(statusOf(await post({ intent: "disable", userId: "nobody", reason: "不存在的用户" }))).toBe(404);
    const vendor = await createUser(db, "vendor");
    await expect(post({ intent: "disable", userId: admin.id, reason: "越权操作尝试" }, await cookieOf(vendor.id))).rejects.toMatchObject({ status: 403 });
  });
});

describe("changing a membership's role", () => {
  it("moves a platform member between operator and evaluator, audited with before and after; refuses roles the organisation cannot hold", async () => {
    const platform = await createOrganisation(db, "platform");
    const expert = await createUser(db, "evaluator", { orgId: platform.id });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: expert.id }, select: { id: true } });
    expect(statusOf(await post({ intent: "role", membershipId: membership.id, role: "officer" }))).toBe(400);
    expect(statusOf(await post({ intent: "role", membershipId: membership.id, role: "evaluator" }))).toBe(409);
    expect(statusOf(await post({ intent: "role", membershipId: membership.id, role: "admin" }))).toBe(302);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("admin");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: expert.id, action: "membership.role_change" } });
    expect(audit).toMatchObject({ actorId: admin.id, orgId: platform.id, data: { membershipId: membership.id, from: "evaluator", to: "admin", orgName: platform.name } });
    // The change applies on the user's next request (memberships are read per request).
    const user = await perms.getCurrentUser(new Request("http://jiebang.test/admin", { headers: { Cookie: await cookieOf(expert.id) } }));
    expect(user?.memberships.map((m) => m.role)).toEqual(["admin"]);
  });
});
