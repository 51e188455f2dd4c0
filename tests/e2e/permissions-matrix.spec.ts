import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// Every route × every role, at the HTTP level. The client only hides buttons; this proves the server refuses.
type Who = "anonymous" | "vendor" | "owner" | "otherOfficer" | "evaluator" | "admin";
const WHO: Who[] = ["anonymous", "vendor", "owner", "otherOfficer", "evaluator", "admin"];
type Expect = number | "login" | "home" | "skip";
type Row = { method?: "GET" | "POST"; path: (ids: Ids) => string; form?: Record<string, string>; expect: Record<Who, Expect> };
type Ids = { draftId: string; draftCode: string; publishedId: string; publishedCode: string };

const all = (e: Expect): Record<Who, Expect> => ({ anonymous: e, vendor: e, owner: e, otherOfficer: e, evaluator: e, admin: e });
const officerOnly: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 200, otherOfficer: 403, evaluator: 403, admin: 403 };
const anyOfficer: Record<Who, Expect> = { ...officerOnly, otherOfficer: 200 };
const adminOnly: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 403, admin: 200 };
const signedIn: Record<Who, Expect> = { ...all(200), anonymous: "login" };

const ROWS: Row[] = [
  { path: () => "/", expect: all(200) },
  { path: () => "/scenarios", expect: all(200) },
  { path: (i) => `/scenarios/${i.publishedCode}`, expect: all(200) },
  { path: (i) => `/scenarios/${i.draftCode}`, expect: { ...all(404), owner: 200 } },
  { path: () => "/login", expect: { ...all("home"), anonymous: 200 } },
  { path: () => "/signup", expect: { ...all("home"), anonymous: 200 } },
  { path: () => "/forgot-password", expect: all(200) },
  { path: () => "/reset-password?token=unknown", expect: all(200) },
  { path: () => "/invite/unknown-token", expect: all(200) },
  { path: () => "/dashboard", expect: { anonymous: "login", vendor: 302, owner: 302, otherOfficer: 302, evaluator: 302, admin: 302 } },
  { path: () => "/account", expect: signedIn },
  { path: () => "/organisation/members", expect: { anonymous: "login", vendor: 200, owner: 200, otherOfficer: 200, evaluator: 403, admin: 403 } },
  { path: () => "/vendor", expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: () => "/evaluator", expect: { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 200, admin: 403 } },
  { path: () => "/vendor/proposals", expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: () => "/vendor/profile", expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: () => "/vendor/searches", expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { method: "POST", path: () => "/vendor/searches", form: { intent: "delete", id: "none" }, expect: { anonymous: "login", vendor: 404, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  // Saving a search from the search page: vendor members only.
  { method: "POST", path: () => "/scenarios?index", form: { intent: "create", name: "matrix", frequency: "off", query: "" }, expect: { anonymous: "login", vendor: 302, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  // Signed links from mail work without a session; a token that is not ours is a 404 for everyone.
  { path: () => "/unsubscribe/u.nobody.a.forged", expect: all(404) },
  { method: "POST", path: () => "/unsubscribe/u.nobody.a.forged", form: { "List-Unsubscribe": "One-Click" }, expect: all(404) },
  { path: () => "/not-relevant/n.nobody.org.scenario.forged", expect: all(404) },
  { method: "POST", path: () => "/not-relevant/n.nobody.org.scenario.forged", form: {}, expect: all(404) },
  { path: () => "/notifications", expect: signedIn },
  { path: (i) => `/department/scenarios/${i.publishedId}/proposals`, expect: officerOnly },
  { path: (i) => `/department/scenarios/${i.publishedId}/questions`, expect: officerOnly },
  { path: () => "/admin/search", expect: adminOnly },
  { path: () => "/admin/mail", expect: adminOnly },
  { method: "POST", path: () => "/admin/mail", form: { mailId: "none" }, expect: { ...adminOnly, admin: 404 } },
  { path: () => "/department", expect: anyOfficer },
  { path: () => "/department/scenarios/new", expect: anyOfficer },
  { path: (i) => `/department/scenarios/${i.draftId}`, expect: officerOnly },
  { path: (i) => `/department/scenarios/${i.draftId}/edit`, expect: officerOnly },
  { path: (i) => `/department/scenarios/${i.publishedId}/amend`, expect: officerOnly },
  { path: (i) => `/department/scenarios/${i.publishedId}/cancel`, expect: officerOnly },
  { method: "POST", path: (i) => `/department/scenarios/${i.draftId}`, form: { intent: "publish" }, expect: { ...officerOnly, owner: "skip" } },
  { method: "POST", path: (i) => `/department/scenarios/${i.publishedId}/cancel`, form: { reason: "x" }, expect: { ...officerOnly, owner: "skip" } },
  { path: () => "/admin", expect: adminOnly },
  // Live reset and verification links: an admin's page on a local run, not a public one.
  { path: () => "/dev/outbox", expect: { anonymous: "login", vendor: 404, owner: 404, otherOfficer: 404, evaluator: 404, admin: 200 } },
  { path: () => "/dev/outbox/templates", expect: { anonymous: "login", vendor: 404, owner: 404, otherOfficer: 404, evaluator: 404, admin: 200 } },
  { path: () => "/admin/invitations", expect: adminOnly },
  { path: () => "/admin/organisations", expect: adminOnly },
  { path: () => "/admin/audit", expect: adminOnly },
  { method: "POST", path: () => "/admin/organisations", form: { orgId: "none", verified: "true" }, expect: { ...adminOnly, admin: 404 } },
];

let ids: Ids;
const cookies: Partial<Record<Who, string>> = {};

test.beforeAll(async ({ db }) => {
  const department = await createOrganisation(db, "department");
  const owner = await createUser(db, "officer", { orgId: department.id });
  const users: Record<Exclude<Who, "anonymous">, { id: string }> = {
    owner,
    vendor: await createUser(db, "vendor"),
    otherOfficer: await createUser(db, "officer"),
    evaluator: await createUser(db, "evaluator"),
    admin: await createUser(db, "admin"),
  };
  for (const [who, user] of Object.entries(users)) cookies[who as Who] = `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}`;
  const draft = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "draft" });
  const published = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "published" });
  ids = { draftId: draft.id, draftCode: draft.code, publishedId: published.id, publishedCode: published.code };
});

async function send(request: APIRequestContext, row: Row, who: Who, baseURL: string) {
  const headers: Record<string, string> = { Origin: baseURL, ...(cookies[who] ? { Cookie: cookies[who]! } : {}) };
  const url = row.path(ids);
  return row.method === "POST"
    ? request.post(url, { form: row.form, headers, maxRedirects: 0 })
    : request.get(url, { headers, maxRedirects: 0 });
}

for (const row of ROWS) {
  for (const who of WHO) {
    const expected = row.expect[who];
    if (expected === "skip") continue;
    test(`${row.method ?? "GET"} ${row.path({ draftId: ":draft", draftCode: ":draftCode", publishedId: ":published", publishedCode: ":code" })} as ${who} → ${expected}`, async ({ request, baseURL }) => {
      const response = await send(request, row, who, baseURL!);
      if (expected === "login") {
        expect(response.status()).toBe(302);
        expect(response.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
      } else if (expected === "home") {
        expect(response.status()).toBe(302);
        expect(response.headers()["location"]).toBe("/dashboard");
      } else {
        expect(response.status()).toBe(expected);
      }
    });
  }
}

test("a form posted from another site is refused", async ({ request }) => {
  const response = await request.post("/logout", { headers: { Origin: "https://evil.example.com" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
});
