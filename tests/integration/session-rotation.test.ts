import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// A session token is never carried across a change of who or what the user is: logging in and
// accepting an invitation give a new token and end the one the request came with; logging out
// ends the session on the server, so a copied cookie is worthless afterwards.
let cleanup: () => Promise<void>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let db: typeof import("../../app/utils/db.server")["db"];
let hashPassword: typeof import("../../app/modules/accounts/passwords.server")["hashPassword"];
const PASSWORD = "Correct-horse-42";

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  ({ hashPassword } = await import("../../app/modules/accounts/passwords.server"));
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
});

const cookieOf = (token: string) => `jb_session=${sessionCookieValue(token)}`;

function tokenFrom(response: Response): string | null {
  const set = response.headers.getSetCookie().find((c) => c.startsWith("jb_session="));
  const value = set?.split(";")[0]!.slice("jb_session=".length);
  return value ? (JSON.parse(Buffer.from(decodeURIComponent(value), "base64").toString("utf8")) as string) : null;
}

// Who the server thinks the cookie belongs to: the account page shows the address, or redirects to login.
async function signedInAs(cookie: string): Promise<string | null> {
  const response = await fetch(`${web.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (response.status === 302) return null;
  const html = await response.text();
  return /[\w.+-]+@[\w.-]+\.\w+/.exec(html.slice(html.indexOf('id="account-title"')))?.[0] ?? null;
}

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  fetch(`${web.url}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

it("logging in issues a fresh token; a cookie planted before login never becomes a session", async () => {
  const user = await createUser(db, "vendor", { passwordHash: await hashPassword(PASSWORD) });
  const planted = "a".repeat(40);
  const response = await post("/login", { email: user.email, password: PASSWORD }, cookieOf(planted));
  expect(response.status).toBe(302);
  const token = tokenFrom(response);
  expect(token).toBeTruthy();
  expect(token).not.toBe(planted);
  expect(await signedInAs(cookieOf(token!))).toBe(user.email);
  expect(await signedInAs(cookieOf(planted))).toBeNull();
});

it("logging out ends the session on the server: the old cookie no longer signs anyone in", async () => {
  const user = await createUser(db, "vendor");
  const token = await createSessionToken(db, user.id);
  expect(await signedInAs(cookieOf(token))).toBe(user.email);
  const response = await post("/logout", {}, cookieOf(token));
  expect(response.status).toBe(302);
  expect(response.headers.getSetCookie().some((c) => /^jb_session=;.*Max-Age=0/i.test(c))).toBe(true);
  expect(await signedInAs(cookieOf(token))).toBeNull();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

it("accepting an invitation that adds a role rotates the session: the token the user came with stops working", async () => {
  const { hashToken, randomToken } = await import("../../app/utils/crypto.server");
  const vendor = await createUser(db, "vendor");
  const before = await createSessionToken(db, vendor.id);
  const admin = await createUser(db, "admin");
  const platform = await createOrganisation(db, "platform", `平台 ${uniqueSuffix()}`);
  const invite = randomToken();
  await db.invitation.create({ data: { tokenHash: hashToken(invite), email: vendor.email, name: "评审", orgId: platform.id, role: "evaluator", invitedById: admin.id, expiresAt: new Date(Date.now() + 86_400_000) } });

  const response = await post(`/invite/${invite}`, { name: "评审", password: PASSWORD, confirmPassword: PASSWORD }, cookieOf(before));
  expect(response.status).toBe(302);
  const after = tokenFrom(response);
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);
  expect(await signedInAs(cookieOf(before))).toBeNull();
  expect(await signedInAs(cookieOf(after!))).toBe(vendor.email);
  expect(await db.membership.count({ where: { userId: vendor.id, role: "evaluator", orgId: platform.id } })).toBe(1);
});
