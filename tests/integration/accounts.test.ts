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
let throttle: typeof import("../../app/modules/accounts/login-throttle.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  signup = await import("../../app/modules/accounts/signup.server");
  login = await import("../../app/modules/accounts/login.server");
  reset = await import("../../app/modules/accounts/password-reset.server");
  sessions = await import("../../app/utils/session.server");
  crypto = await import("../../app/utils/crypto.server");
  throttle = await import("../../app/modules/accounts/login-throttle.server");
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
    const again = await signup.signUpVendor({ ...input, orgName: "另一家公司", creditCode: testCreditCode("91") }, "zh-CN");
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

  it("a stranger's wrong guesses stop untrusted clients but never lock the owner out of a browser they used before", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const ownerIp = `owner-${uniqueSuffix()}`;
    const first = await login.logIn(input.email, input.password, ownerIp);
    const deviceToken = crypto.randomToken();
    await db.trustedDevice.create({ data: { id: crypto.hashToken(deviceToken), userId: first.userId } });
    // A rival has guessed from many addresses (each guess held back ever longer), up to the last allowed one.
    await db.rateLimit.create({ data: { key: `login:account:${input.email}`, count: throttle.LIMITS.untrustedPerAccount - 1, resetAt: new Date(Date.now() + 600_000) } });
    await expect(login.logIn(input.email, "wrong-password-1", `rival-${uniqueSuffix()}`)).rejects.toMatchObject({ status: 400 });
    await expect(login.logIn(input.email, "wrong-password-1", `rival-x-${uniqueSuffix()}`)).rejects.toMatchObject({ status: 429, label: "auth.tooManyUntrusted" });
    // The owner on their own browser still gets in, from anywhere.
    await expect(login.logIn(input.email, input.password, `cafe-${uniqueSuffix()}`, deviceToken)).resolves.toMatchObject({ userId: first.userId });
    // A device token of another account does not count as trusted for this one.
    await expect(login.logIn(input.email, input.password, `x-${uniqueSuffix()}`, crypto.randomToken())).rejects.toMatchObject({ status: 429 });
  }, 120_000);

  it("slows repeated failures and stops one client after five guesses at one account", async () => {
    const email = `target-${uniqueSuffix()}@example.com`;
    const ip = `ip-${uniqueSuffix()}`;
    for (let i = 0; i < throttle.LIMITS.perAccountAndIp; i++) {
      await expect(login.logIn(email, "wrong-password-1", ip)).rejects.toMatchObject({ status: 400 });
    }
    await expect(login.logIn(email, "wrong-password-1", ip)).rejects.toMatchObject({ status: 429 });
    expect(throttle.failureDelayMs(3)).toBe(0);
    expect(throttle.failureDelayMs(4)).toBeGreaterThan(0);
    expect(throttle.failureDelayMs(20)).toBeLessThanOrEqual(4000);
  }, 60_000);

  it("throttles one IP across accounts", async () => {
    const ip = `ip-${uniqueSuffix()}`;
    await db.rateLimit.create({ data: { key: `login:ip:${ip}`, count: throttle.LIMITS.perIp, resetAt: new Date(Date.now() + 60_000) } });
    await expect(login.logIn(`late-${uniqueSuffix()}@example.com`, "x-password-12", ip)).rejects.toMatchObject({ status: 429 });
  });

  it("audits failed logins, for registered and unknown addresses alike", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    await expect(login.logIn(input.email, "wrong-password-1", "203.0.113.9")).rejects.toMatchObject({ status: 400 });
    const ghost = `ghost-${uniqueSuffix()}@example.com`;
    await expect(login.logIn(ghost, "wrong-password-1", "203.0.113.9")).rejects.toMatchObject({ status: 400 });
    expect(await db.auditEvent.findFirst({ where: { action: "user.login_failed", entityId: user.id } })).toMatchObject({ data: { ip: "203.0.113.9" } });
    expect(await db.auditEvent.findFirst({ where: { action: "user.login_failed", entityId: `email:${ghost}` } })).not.toBeNull();
  });

  it("reset and sign-up answer in the same time for registered and unknown addresses", async () => {
    const input = signupInput();
    await signup.signUpVendor(input, "zh-CN");
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn().catch(() => {});
      return performance.now() - t;
    };
    const registered: number[] = [], unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      registered.push(await time(() => reset.requestPasswordReset(input.email, `ip-${uniqueSuffix()}`, "zh-CN")));
      unknown.push(await time(() => reset.requestPasswordReset(`nobody-${uniqueSuffix()}@example.com`, `ip-${uniqueSuffix()}`, "zh-CN")));
    }
    expect(Math.abs(median(registered) - median(unknown))).toBeLessThan(100);
    expect(Math.min(...registered, ...unknown)).toBeGreaterThanOrEqual(reset.RESET_ANSWER_FLOOR_MS - 5);
    const again: number[] = [], fresh: number[] = [];
    for (let i = 0; i < 3; i++) {
      again.push(await time(() => signup.signUpVendor({ ...input, creditCode: testCreditCode("91") }, "zh-CN")));
      fresh.push(await time(() => signup.signUpVendor(signupInput(), "zh-CN")));
    }
    expect(Math.abs(median(again) - median(fresh))).toBeLessThan(150);
    expect(Math.min(...again, ...fresh)).toBeGreaterThanOrEqual(signup.SIGNUP_ANSWER_FLOOR_MS - 5);
  }, 60_000);

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
