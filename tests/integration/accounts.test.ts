import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { testCreditCode, uniqueSuffix } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let signup: typeof import("../../app/modules/accounts/signup.server");
let login: typeof import("../../app/modules/accounts/login.server");
let reset: typeof import("../../app/modules/accounts/password-reset.server");
let sessions: typeof import("../../app/utils/session.server");
let crypto: typeof import("../../app/utils/crypto.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  signup = await import("../../app/modules/accounts/signup.server");
  login = await import("../../app/modules/accounts/login.server");
  reset = await import("../../app/modules/accounts/password-reset.server");
  sessions = await import("../../app/utils/session.server");
  crypto = await import("../../app/utils/crypto.server");
});
afterAll(() => cleanup?.());

function signupInput(email = `v-${uniqueSuffix()}@vendor.example.com`) {
  const password = "Correct-horse-42";
  return { orgType: "vendor" as const, orgName: `测试科技 ${uniqueSuffix()}`, creditCode: testCreditCode("91"), name: "王晓明", email, password, confirmPassword: password };
}

function tokenFrom(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([a-z0-9]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail`);
  return match[1]!;
}

describe("sign-up and verification", () => {
  it("creates the organisation, an unverified member and a queued verification mail in one go", async () => {
    const input = signupInput();
    const outcome = await signup.signUpVendor(input, "zh-CN");
    expect(outcome.kind).toBe("created");
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, include: { memberships: { include: { org: true } } } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships[0]).toMatchObject({ role: "vendor_member", org: { name: input.orgName, type: "vendor", verified: false } });
    const mail = await db.mail.findFirstOrThrow({ where: { to: input.email, template: "verify-email" } });
    expect(mail.status).toBe("queued");
    const audit = await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.signup" } });
    expect(audit).not.toBeNull();
  });

  it("a second sign-up with the same address changes nothing and reveals nothing", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const again = await signup.signUpVendor({ ...input, orgName: "另一家公司" }, "zh-CN");
    expect(again.kind).toBe("existing");
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
    expect(await db.organisation.count({ where: { name: "另一家公司" } })).toBe(0);
    expect(await db.mail.count({ where: { to: input.email, template: "account-exists" } })).toBe(1);
  });

  it("a verification link works exactly once", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "en");
    const mail = await db.mail.findFirstOrThrow({ where: { to: input.email } });
    const token = tokenFrom(mail.text, "/verify-email");
    await reset.verifyEmail(token);
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).emailVerifiedAt).not.toBeNull();
    await expect(reset.verifyEmail(token)).rejects.toMatchObject({ label: "auth.linkInvalid", status: 400 });
    await expect(reset.verifyEmail("not-a-token")).rejects.toMatchObject({ status: 400 });
  });
});

describe("login, sessions and reset", () => {
  it("stores only the SHA-256 of the session token and refuses wrong passwords alike for unknown accounts", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const { token } = await login.logIn(input.email, input.password, `ip-${uniqueSuffix()}`);
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: crypto.hashToken(token) } })).not.toBeNull();
    await expect(login.logIn(input.email, "wrong-password-1", "ip-x")).rejects.toMatchObject({ label: "auth.invalidCredentials" });
    await expect(login.logIn(`ghost-${uniqueSuffix()}@example.com`, "wrong-password-1", "ip-x")).rejects.toMatchObject({ label: "auth.invalidCredentials" });
  });

  it("extends a session used in its second half and deletes an expired one", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const { token } = await login.logIn(input.email, input.password, `ip-${uniqueSuffix()}`);
    const id = crypto.hashToken(token);
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 5 * 86_400_000) } });
    const renewed = await sessions.validateSessionToken(token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await sessions.validateSessionToken(token)).toBeNull();
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("throttles login per account after ten attempts", async () => {
    const email = `target-${uniqueSuffix()}@example.com`;
    for (let i = 0; i < 10; i++) {
      await expect(login.logIn(email, "wrong-password-1", `ip-${i}-${uniqueSuffix()}`)).rejects.toMatchObject({ status: 400 });
    }
    await expect(login.logIn(email, "wrong-password-1", "ip-fresh")).rejects.toMatchObject({ status: 429 });
  });

  it("throttles login per IP across accounts", async () => {
    const ip = `ip-${uniqueSuffix()}`;
    for (let i = 0; i < 50; i++) await login.logIn(`a${i}-${uniqueSuffix()}@example.com`, "x-password-12", ip).catch(() => {});
    await expect(login.logIn(`late-${uniqueSuffix()}@example.com`, "x-password-12", ip)).rejects.toMatchObject({ status: 429 });
  });

  it("a password reset mails a link only to registered addresses, changes the password and ends every session", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const { token: session } = await login.logIn(input.email, input.password, `ip-${uniqueSuffix()}`);
    await reset.requestPasswordReset(input.email, `ip-${uniqueSuffix()}`, "zh-CN");
    const ghost = `ghost-${uniqueSuffix()}@example.com`;
    await reset.requestPasswordReset(ghost, `ip-${uniqueSuffix()}`, "zh-CN");
    expect(await db.mail.count({ where: { to: ghost } })).toBe(0);
    const mail = await db.mail.findFirstOrThrow({ where: { to: input.email, template: "reset-password" }, orderBy: { createdAt: "desc" } });
    await reset.resetPassword(tokenFrom(mail.text, "/reset-password"), "New-password-2026");
    expect(await sessions.validateSessionToken(session)).toBeNull();
    await expect(login.logIn(input.email, input.password, `ip-${uniqueSuffix()}`)).rejects.toMatchObject({ status: 400 });
    await expect(login.logIn(input.email, "New-password-2026", `ip-${uniqueSuffix()}`)).resolves.toMatchObject({ token: expect.any(String) });
  });
});
