import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { addEvaluator, addProposal, declare } from "../fixtures/evaluation";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// Every route × every role, at the HTTP level. The client only hides buttons; this proves the server refuses.
type Who = "anonymous" | "vendor" | "owner" | "otherOfficer" | "evaluator" | "admin";
const WHO: Who[] = ["anonymous", "vendor", "owner", "otherOfficer", "evaluator", "admin"];
type Expect = number | "login" | "home" | "skip";
type Row = { method?: "GET" | "POST"; path: (ids: Ids) => string; form?: Record<string, string>; expect: Record<Who, Expect> };
type Ids = { departmentId: string; draftId: string; draftCode: string; publishedId: string; publishedCode: string; vendorOrgId: string; closedId: string; assignmentId: string; otherAssignmentId: string; expertId: string; evaluatingId: string; scoreAssignmentId: string; proposalId: string; attachmentId: string; noticeCode: string; verificationAttachmentId: string };

const all = (e: Expect): Record<Who, Expect> => ({ anonymous: e, vendor: e, owner: e, otherOfficer: e, evaluator: e, admin: e });
const officerOnly: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 200, otherOfficer: 403, evaluator: 403, admin: 403 };
const anyOfficer: Record<Who, Expect> = { ...officerOnly, otherOfficer: 200 };
const adminOnly: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 403, admin: 200 };
const signedIn: Record<Who, Expect> = { ...all(200), anonymous: "login" };
// Evaluation: the owning department or an admin assigns; an evaluator reaches only their own assignment.
const evaluationManager: Record<Who, Expect> = { ...officerOnly, admin: 200 };
const evaluatorOnly: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 200, admin: 403 };
// Evaluator pages of someone else's assignment: other roles are refused, an evaluator it does not belong to gets 404.
const othersAssignment: Record<Who, Expect> = { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 404, admin: 403 };
const summaryReaders: Record<Who, Expect> = { ...officerOnly, admin: 200 };

const ROWS: Row[] = [
  { path: () => "/", expect: all(200) },
  { path: () => "/vendors", expect: all(200) },
  { path: (i) => `/vendors/${i.vendorOrgId}`, expect: all(200) },
  { path: () => "/verify-email?token=unknown", expect: all(200) },
  { path: () => "/errors/403", expect: all(403) },
  { path: () => "/locale", expect: all(302) },
  { method: "POST", path: () => "/locale", form: { locale: "xx" }, expect: all(400) },
  { path: () => "/logout", expect: all(302) },
  { path: (i) => `/scenarios/${i.publishedCode}/questions`, expect: all(200) },
  { path: (i) => `/scenarios/${i.draftCode}/questions`, expect: all(404) },
  { method: "POST", path: (i) => `/scenarios/${i.publishedCode}/interest`, form: { intent: "follow" }, expect: { anonymous: "login", vendor: 302, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: (i) => `/vendor/proposals/${i.publishedCode}`, expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: () => "/attachments/unknownattachment1", expect: all(404) },
  { path: () => "/attachments/upload", expect: signedIn },
  { path: () => "/dev/outbox/unknown-mail", expect: { anonymous: "login", vendor: 404, owner: 404, otherOfficer: 404, evaluator: 404, admin: 404 } },
  // Open data and feeds: public to everyone, signed in or not; a draft's process does not exist (404).
  { path: () => "/opendata", expect: all(200) },
  { path: () => "/opendata/ocds/releases.json", expect: all(200) },
  { path: () => "/opendata/ocds/releases.json?limit=0", expect: all(400) },
  { path: (i) => `/opendata/ocds/releases/ocds-jiebang-${i.publishedCode}.json`, expect: all(200) },
  { path: (i) => `/opendata/ocds/releases/ocds-jiebang-${i.draftCode}.json`, expect: all(404) },
  { path: (i) => `/opendata/ocds/records/ocds-jiebang-${i.publishedCode}.json`, expect: all(200) },
  { path: (i) => `/opendata/ocds/records/ocds-jiebang-${i.draftCode}.json`, expect: all(404) },
  { path: () => "/feeds/scenarios.atom", expect: all(200) },
  { path: () => "/feeds/awards.atom", expect: all(200) },
  { path: () => "/results", expect: all(200) },
  { path: () => "/results?page=9999", expect: all(404) },
  { path: () => "/results?page=abc", expect: all(400) },
  { path: () => "/feeds/sectors/healthcare/scenarios.atom", expect: all(200) },
  { path: () => "/feeds/sectors/unknown/scenarios.atom", expect: all(404) },
  { path: (i) => `/feeds/departments/${i.departmentId}/scenarios.atom`, expect: all(200) },
  { path: (i) => `/feeds/departments/${i.vendorOrgId}/scenarios.atom`, expect: all(404) },
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
  // An organisation's verification documents: its own members only (the matrix's vendor is verified, so a new request is refused).
  { path: () => "/vendor/profile/verification", expect: { anonymous: "login", vendor: 200, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { method: "POST", path: () => "/vendor/profile/verification", form: { intent: "resubmit" }, expect: { anonymous: "login", vendor: 409, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { method: "POST", path: () => "/vendor/profile/verification", form: { intent: "remove", documentId: "none" }, expect: { anonymous: "login", vendor: 404, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  // Another organisation's business licence: the admins read it, nobody else (the same 404 as an unknown file).
  { path: (i) => `/attachments/${i.verificationAttachmentId}`, expect: { ...all(404), admin: 200 } },
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
  { path: (i) => `/department/scenarios/${i.closedId}/evaluation`, expect: evaluationManager },
  { path: (i) => `/department/scenarios/${i.publishedId}/evaluation`, expect: { ...evaluationManager, owner: 409, admin: 409 } },
  // An unknown expert: refused by the service (404) for those the guard lets through; nothing is assigned.
  { method: "POST", path: (i) => `/department/scenarios/${i.closedId}/evaluation`, form: { intent: "assign", evaluatorId: "none" }, expect: { ...evaluationManager, owner: 404, admin: 404 } },
  { method: "POST", path: (i) => `/department/scenarios/${i.closedId}/evaluation`, form: { intent: "override", declarationId: "none", reason: "书面理由至少十个字的说明" }, expect: { ...evaluationManager, owner: 403, admin: 404 } },
  { path: (i) => `/evaluator/assignments/${i.assignmentId}`, expect: evaluatorOnly },
  { path: (i) => `/evaluator/assignments/${i.otherAssignmentId}`, expect: { ...evaluatorOnly, evaluator: 404 } },
  { method: "POST", path: (i) => `/evaluator/assignments/${i.otherAssignmentId}`, form: { intent: "decline", reason: "不是我的评审任务" }, expect: { ...evaluatorOnly, evaluator: 404 } },
  { path: () => "/admin", expect: adminOnly },
  // Live reset and verification links: an admin's page on a local run, not a public one.
  { path: () => "/dev/outbox", expect: { anonymous: "login", vendor: 404, owner: 404, otherOfficer: 404, evaluator: 404, admin: 200 } },
  { path: () => "/dev/outbox/templates", expect: { anonymous: "login", vendor: 404, owner: 404, otherOfficer: 404, evaluator: 404, admin: 200 } },
  { path: () => "/admin/invitations", expect: adminOnly },
  { path: () => "/admin/organisations", expect: adminOnly },
  { path: () => "/admin/audit", expect: adminOnly },
  { method: "POST", path: () => "/admin/organisations", form: { intent: "verify", orgId: "none" }, expect: { ...adminOnly, admin: 404 } },
  { method: "POST", path: () => "/admin/organisations", form: { intent: "reject", orgId: "none", reason: "材料不全，请补充" }, expect: { ...adminOnly, admin: 404 } },
  { path: () => "/admin/organisations?state=rejected&type=vendor&q=x&page=2", expect: adminOnly },
  { path: () => "/admin/audit?record=ZZ-2026-0001&action=scenario.publish&from=2026-01-01&to=2026-12-31", expect: adminOnly },
  { path: () => "/admin/audit.csv?action=user.login", expect: adminOnly },
  { path: () => "/admin/users", expect: adminOnly },
  { method: "POST", path: () => "/admin/users", form: { intent: "disable", userId: "none", reason: "矩阵测试原因" }, expect: { ...adminOnly, admin: 404 } },
  { method: "POST", path: () => "/admin/users", form: { intent: "role", membershipId: "none", role: "admin" }, expect: { ...adminOnly, admin: 404 } },
  { path: () => "/admin/jobs", expect: adminOnly },
  { method: "POST", path: () => "/admin/jobs", form: { queue: "search-sync", jobId: "00000000-0000-0000-0000-000000000000" }, expect: { ...adminOnly, admin: 404 } },
  // Public statistics: everyone, signed in or not; an unknown table is 404 for everyone.
  { path: () => "/stats", expect: all(200) },
  { path: () => "/stats/csv/sector", expect: all(200) },
  { path: () => "/stats/csv/unknown", expect: all(404) },
  { path: () => "/admin/evaluators", expect: adminOnly },
  { path: (i) => `/admin/evaluators/${i.expertId}`, expect: adminOnly },
  { method: "POST", path: () => "/admin/evaluators", form: { userId: "none" }, expect: { ...adminOnly, admin: 400 } },
  // A stale token: the admin is refused with 409 (nothing saved), everyone else before any check.
  { method: "POST", path: (i) => `/admin/evaluators/${i.expertId}`, form: { updatedAt: "stale", maxConcurrent: "3" }, expect: { ...adminOnly, admin: 409 } },
  { path: () => "/admin/organisation-links", expect: adminOnly },
  { method: "POST", path: () => "/admin/organisation-links", form: { intent: "remove", linkId: "none" }, expect: { ...adminOnly, admin: 404 } },
  { path: () => "/evaluator/profile", expect: { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 200, admin: 403 } },
  // Affiliation suggestions: the expert (own profile) and the admin (the pool) only.
  { path: () => "/organisations/suggestions?q=%E9%83%91%E5%B7%9E", expect: { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 200, admin: 200 } },
  { method: "POST", path: () => "/evaluator/profile", form: { updatedAt: "stale" }, expect: { anonymous: "login", vendor: 403, owner: 403, otherOfficer: 403, evaluator: 409, admin: 403 } },
  { path: (i) => `/evaluator/assignments/${i.scoreAssignmentId}/proposals/${i.proposalId}`, expect: othersAssignment },
  { method: "POST", path: (i) => `/evaluator/assignments/${i.scoreAssignmentId}/proposals/${i.proposalId}`, form: { intent: "save", version: "0" }, expect: othersAssignment },
  { path: (i) => `/evaluator/assignments/${i.scoreAssignmentId}/files/${i.attachmentId}`, expect: othersAssignment },
  { path: (i) => `/department/scenarios/${i.evaluatingId}/evaluation/summary`, expect: summaryReaders },
  { path: (i) => `/department/scenarios/${i.evaluatingId}/evaluation/summary.xlsx`, expect: summaryReaders },
  { path: (i) => `/department/scenarios/${i.evaluatingId}/evaluation/summary.csv`, expect: summaryReaders },
  // Reopening is the department's alone (admins read the summary but do not reopen); an unknown sheet is 404.
  { method: "POST", path: (i) => `/department/scenarios/${i.evaluatingId}/evaluation/summary`, form: { intent: "reopen", sheetId: "none", reason: "评分理由与分值不一致，请核对。" }, expect: { ...officerOnly, owner: 404 } },
  // 定标 · 公示 · 异议: notices are public; objecting needs a session (and a proposal, checked by the service);
  // the department decides and answers; only admins decide an objection's outcome.
  { path: () => "/notices", expect: all(200) },
  { path: (i) => `/notices/${i.noticeCode}`, expect: all(200) },
  { path: (i) => `/notices/${i.publishedCode}`, expect: all(404) },
  { path: (i) => `/notices/${i.noticeCode}/objection`, expect: signedIn },
  // Not a multipart body: refused before anything is read; nobody here proposed, so nothing could be filed anyway.
  { method: "POST", path: (i) => `/notices/${i.noticeCode}/objection`, form: { grounds: "拟中选单位的业绩证明与实际不符，请核查。" }, expect: { ...all(400), anonymous: "login" } },
  { path: (i) => `/department/scenarios/${i.evaluatingId}/award`, expect: officerOnly },
  { path: (i) => `/department/scenarios/${i.publishedId}/award`, expect: { ...officerOnly, owner: 404 } },
  { method: "POST", path: (i) => `/department/scenarios/${i.evaluatingId}/award`, form: { intent: "publish" }, expect: { ...officerOnly, owner: 409 } },
  { path: (i) => `/department/scenarios/${i.evaluatingId}/objections`, expect: officerOnly },
  { method: "POST", path: (i) => `/department/scenarios/${i.evaluatingId}/objections`, form: { objectionId: "objection000", answer: "经核查，申报材料真实有效。" }, expect: { ...officerOnly, owner: 404 } },
  { path: () => "/admin/objections", expect: adminOnly },
  { method: "POST", path: () => "/admin/objections", form: { objectionId: "objection000", outcome: "dismissed", reason: "异议所称情况经核实不存在。" }, expect: { ...adminOnly, admin: 404 } },
  // 挂帅 delivery: the department's page; a team's page exists only for members of an awarded organisation
  // (any other vendor gets 404, as for an unknown code); cases are public.
  { path: (i) => `/department/scenarios/${i.publishedId}/delivery`, expect: officerOnly },
  { method: "POST", path: (i) => `/department/scenarios/${i.publishedId}/delivery`, form: { intent: "return", milestoneId: "milestone000", reason: "测试报告缺少并发测试数据。" }, expect: { ...officerOnly, owner: 404 } },
  { path: (i) => `/vendor/delivery/${i.publishedCode}`, expect: { anonymous: "login", vendor: 404, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { method: "POST", path: (i) => `/vendor/delivery/${i.publishedCode}`, form: { intent: "evidence", milestoneId: "milestone000", evidence: "成果说明至少十个字的内容" }, expect: { anonymous: "login", vendor: 404, owner: 403, otherOfficer: 403, evaluator: 403, admin: 403 } },
  { path: () => "/cases", expect: all(200) },
  { path: () => "/cases?q=%E5%A4%84%E6%96%B9", expect: all(200) },
  { path: (i) => `/cases/${i.publishedCode}`, expect: all(404) },
];

let ids: Ids;
const PLACEHOLDERS: Ids = {
  departmentId: "department00", draftId: "draft0000000", draftCode: "ZZ-DRAFT", publishedId: "published000", publishedCode: "ZZ-CODE", vendorOrgId: "vendor000000",
  closedId: "closed000000", assignmentId: "assignment00", otherAssignmentId: "assignment01", expertId: "expert000000",
  evaluatingId: "evaluating00", scoreAssignmentId: "assignment02", proposalId: "proposal0000", attachmentId: "attachment00",
  noticeCode: "ZZ-NOTICE", verificationAttachmentId: "attachment01",
};
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
  // The evaluator is in the pool, so the admin's edit page for them exists.
  await db.evaluatorProfile.create({ data: { userId: users.evaluator.id } });
  const closed = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "closed", deadlineInDays: -1 });
  await db.scenario.update({ where: { id: closed.id }, data: { evaluationDueAt: new Date(Date.now() + 14 * 86_400_000) } });
  const assign = (evaluatorId: string) =>
    db.evaluationAssignment.create({ data: { scenarioId: closed.id, evaluatorId, dueAt: new Date(Date.now() + 14 * 86_400_000), assignedById: owner.id }, select: { id: true } });
  const assignment = await assign(users.evaluator.id);
  const otherAssignment = await assign((await createUser(db, "evaluator")).id);
  // An evaluation in progress, with an assignment that belongs to an evaluator none of the callers is.
  const evaluation = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "evaluating", deadlineInDays: -1 });
  const proposal = await addProposal(db, evaluation.id);
  const assignee = await addEvaluator(db, evaluation.id, owner.id);
  await declare(db, assignee.assignmentId, proposal.id);
  const attachment = await db.attachment.create({
    data: { storageKey: randomBytes(16).toString("hex"), filename: "方案.pdf", mimeType: "application/pdf", size: 10, sha256: "c".repeat(64), orgId: proposal.org.id, proposalId: proposal.id, uploadedById: proposal.member.id },
    select: { id: true },
  });

  // A pending organisation's business licence, its bytes where the app's storage reads them.
  const pending = await db.organisation.create({ data: { name: `待认证单位 ${randomBytes(4).toString("hex")}`, type: "vendor", verified: false }, select: { id: true } });
  const pendingMember = await createUser(db, "vendor", { orgId: pending.id });
  const licenceKey = randomBytes(16).toString("hex");
  const licenceBytes = Buffer.from("%PDF-1.4\n%%EOF\n");
  const licenceDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "attachments", licenceKey.slice(0, 2));
  fs.mkdirSync(licenceDir, { recursive: true });
  fs.writeFileSync(path.join(licenceDir, licenceKey), licenceBytes);
  const licence = await db.verificationDocument.create({
    data: {
      orgId: pending.id, kind: "business_licence",
      attachment: { create: { storageKey: licenceKey, filename: "营业执照.pdf", mimeType: "application/pdf", size: licenceBytes.length, sha256: "d".repeat(64), orgId: pending.id, uploadedById: pendingMember.id } },
    },
    select: { attachment: { select: { id: true } } },
  });

  // A scenario under public notice (the decision written directly; the award pages are tested elsewhere).
  const noticed = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "notice", deadlineInDays: -20 });
  await db.awardDecision.create({
    data: {
      scenarioId: noticed.id, round: 1, status: "in_notice", winnerIds: [], noticeDays: 7, decidedById: owner.id,
      noticeStartsAt: new Date(), noticeEndsAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });

  ids = {
    noticeCode: noticed.code,
    departmentId: department.id, draftId: draft.id, draftCode: draft.code, publishedId: published.id, publishedCode: published.code,
    closedId: closed.id, assignmentId: assignment.id, otherAssignmentId: otherAssignment.id, vendorOrgId: (await createOrganisation(db, "vendor")).id, expertId: users.evaluator.id,
    evaluatingId: evaluation.id, scoreAssignmentId: assignee.assignmentId, proposalId: proposal.id, attachmentId: attachment.id,
    verificationAttachmentId: licence.attachment!.id,
  };
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
    // The intent tells apart two forms posted to one page.
    const intent = row.form?.intent ? ` [${row.form.intent}]` : "";
    test(`${row.method ?? "GET"} ${row.path(PLACEHOLDERS)}${intent} as ${who} → ${expected}`, async ({ request, baseURL }) => {
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

// Flat-route file name → a pattern of the URLs it serves ("department.scenarios.$id_.amend" → /department/scenarios/[^/]+/amend).
function routePattern(file: string): RegExp {
  // "[.]" escapes a dot that belongs to the URL ("summary[.]csv" serves /summary.csv).
  const segments = file.replace(/\.tsx?$/, "").replace(/\[\.\]/g, "~dot~").split(".").filter((s) => s !== "_index");
  const parts = segments.map((s) => (s.replace(/_$/, "").startsWith("$") ? "[^/?]+" : s.replace(/_$/, "").replace(/[-]/g, "\\-")));
  return new RegExp(`^/${parts.join("/").replaceAll("~dot~", "\\.")}(\\?.*)?$`);
}

test("every route in app/routes has at least one row in this matrix", () => {
  const files = fs.readdirSync(path.resolve("app/routes")).filter((f) => /\.tsx?$/.test(f));
  const paths = ROWS.map((row) => row.path(PLACEHOLDERS));
  const missing = files.filter((file) => !paths.some((p) => routePattern(file).test(p)));
  expect(missing, "route files without a row").toEqual([]);
});

// 单次获取（single fetch）的数据请求（`<页面>.data`）同样要说“未登录”：状态 401，而不是看起来成功的 202；
// 响应体仍带着去登录页的跳转，让前端路由照常跳转。
// Single-fetch data requests (`<page>.data`) must say "not signed in" too: 401, not a 202 that looks like
// success; the body still carries the redirect to the login page so the client router follows it.
for (const row of ROWS.filter((r) => (r.method ?? "GET") === "GET" && r.expect.anonymous === "login")) {
  test(`GET ${row.path(PLACEHOLDERS)}.data as anonymous → 401`, async ({ request }) => {
    const url = row.path(ids);
    // The data URL puts ".data" on the path, before any query string.
    const [pathname, query] = url.split("?");
    const response = await request.get(`${pathname}.data${query ? `?${query}` : ""}`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()["location"]).toBeUndefined();
    expect(await response.text()).toContain(`/login?redirectTo=${encodeURIComponent(url)}`);
  });
}

test("a data request for another role's page answers 403", async ({ request }) => {
  const response = await request.get(`/department/scenarios/${ids.publishedId}/proposals.data`, { headers: { Cookie: cookies.vendor! }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
});

test("a session that ends while the app is open still leads to the login page on the next click", async ({ page, db, context, baseURL }) => {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "draft" });
  const token = await createSessionToken(db, officer.id);
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(token), url: baseURL! }]);
  await page.goto("/department");
  await page.waitForLoadState("networkidle");
  await db.session.deleteMany({ where: { userId: officer.id } });
  await page.getByRole("link", { name: scenario.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(`/department/scenarios/${scenario.id}`)}$`));
  await expect(page.getByRole("heading", { name: "登录揭榜" })).toBeVisible();
});
