import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { addProposal, declare } from "../fixtures/evaluation";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";
import { formVocabulary } from "../fixtures/form-vocabulary";
import { editFields, encodeBody, fuzzCase, type FuzzCase, type Fields } from "../fixtures/fuzz-requests";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";
import { hashToken, randomToken } from "../../app/utils/crypto.server";

/**
 * Property: whatever is posted to any form action — hostile characters in any field, a body that is
 * not a form, a broken multipart body, odd query strings — by an anonymous visitor or a signed-in
 * user of any role, the answer is never a 5xx. Every route file that exports an `action` is fuzzed;
 * each has a seed form (a valid submission) that the fuzzer starts from, so the edits reach the
 * services and the database rather than stopping at the first validation error.
 * FUZZ_RUNS / FUZZ_SEED reproduce or lengthen a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 375);
const BATCH = 8;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const PASSWORD = "Correct-horse-42";
const ROUTES_DIR = path.resolve("app/routes");

let cleanup: () => Promise<void>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let db: typeof import("../../app/utils/db.server")["db"];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-fuzz-"));

type Who = "anonymous" | "vendor" | "officer" | "admin" | "evaluator";
const WHO: Who[] = ["anonymous", "vendor", "officer", "admin", "evaluator"];
type Ctx = {
  users: Record<Exclude<Who, "anonymous">, { id: string; email: string; orgId: string; cookie: string }>;
  drafts: { id: string; code: string }[];
  published: { id: string; code: string }[];
  questionId: string;
  notificationId: string;
  inviteToken: string;
  /** Signed links from a digest: unsubscribe from all, and "not relevant" for a published scenario. */
  mailTokens: string[];
  deadMailId: string;
  savedSearchId: string;
  departmentId: string;
  evaluation: { scenarioId: string; assignmentId: string; proposalId: string };
  /** A platform expert of no other use, whose role the admin users page may change back and forth. */
  fuzzMembershipId: string;
};
let ctx: Ctx;

// Every route file exporting an action, as the URL it answers (flat routes: dots are slashes,
// `_index` is the parent's path, a trailing `_` opts out of layout nesting, `$name` is a parameter).
const actionRoutes = fs
  .readdirSync(ROUTES_DIR)
  .filter((file) => /\.tsx?$/.test(file))
  .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b/.test(fs.readFileSync(path.join(ROUTES_DIR, file), "utf8")))
  .sort();

const GARBAGE_PARAMS = ["%00", "x%0Ay", "%2F%2Fevil.example", "..", "%E9%98%B2", "a".repeat(300), "%ED%A0%80", "1%00"];

function paramValue(name: string, pick: number): string {
  const pool: Record<string, string[]> = {
    id: [...ctx.drafts.map((s) => s.id), ...ctx.published.map((s) => s.id)],
    code: ctx.published.map((s) => s.code),
    scenarioCode: ctx.published.map((s) => s.code),
    token: [ctx.inviteToken, ...ctx.mailTokens],
    userId: [ctx.users.evaluator.id],
    assignmentId: [ctx.evaluation.assignmentId],
    proposalId: [ctx.evaluation.proposalId],
  };
  // evaluator.assignments.$id: an assignment, among the scenarios' ids.
  pool.id!.push(ctx.evaluation.assignmentId, ctx.evaluation.scenarioId);
  const known = pool[name];
  if (!known) throw new Error(`the fuzz test has no value for route parameter $${name}: add one to paramValue()`);
  const all = [...known.map(encodeURIComponent), ...GARBAGE_PARAMS];
  return all[pick % all.length]!;
}

function urlFor(file: string, c: FuzzCase): string {
  const stem = file.replace(/\.tsx?$/, "");
  const isIndex = stem.endsWith("_index");
  const segments = stem
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? paramValue(s.slice(1), c.param) : s));
  let pathname = `/${segments.join("/")}`;
  if (c.data) pathname = pathname === "/" ? "/_root.data" : `${pathname}.data`;
  const query = new URLSearchParams();
  if (isIndex) query.set("index", "");
  if (c.query) query.append(c.query.name, c.query.value);
  const search = query.toString();
  return `${pathname}${search ? `?${search}` : ""}`;
}

// A valid submission per action route, so that fuzzed edits get past validation and into the services.
const SEEDS: Record<string, (ids: { scenario: { id: string; code: string } }) => Promise<Fields>> = {
  "admin.invitations.tsx": async () => [["email", `fz-${uniqueSuffix()}@test.example.cn`], ["name", "王 测试"], ["role", "officer"], ["orgId", ctx.departmentId]],
  "admin.mail.tsx": async () => [["mailId", ctx.deadMailId]],
  "not-relevant.$token.tsx": async () => [],
  "unsubscribe.$token.tsx": async () => [["intent", "unsubscribe"]],
  "scenarios._index.tsx": async () => [["intent", "create"], ["name", `防汛 ${uniqueSuffix()}`], ["frequency", "weekly"], ["query", "q=防汛&sector=disaster_prevention"]],
  "vendor.searches.tsx": async () => [["intent", "update"], ["id", ctx.savedSearchId], ["name", "防汛与应急"], ["frequency", "daily"]],
  "admin.organisations.tsx": async () => [["intent", "reject"], ["orgId", ctx.users.vendor.orgId], ["reason", "材料不全，请补充"]],
  "admin.users.tsx": async () => [["intent", "role"], ["membershipId", ctx.fuzzMembershipId], ["role", "admin"]],
  "admin.jobs.tsx": async () => [["queue", "search-sync"], ["jobId", "00000000-0000-0000-0000-000000000000"]],
  "attachments.upload.tsx": async ({ scenario }) => [["kind", "scenario"], ["id", scenario.id], ["redirectTo", `/department/scenarios/${scenario.id}`]],
  "department.scenarios.$id.tsx": async ({ scenario }) => [["version", String(await versionOf(scenario.id))]],
  "department.scenarios.$id_.amend.tsx": async ({ scenario }) => [...scenarioForm(), ["version", String(await versionOf(scenario.id))], ["note", "延长截止时间，补充说明"]],
  "department.scenarios.$id_.cancel.tsx": async () => [["reason", "需求调整，本期不再征集"]],
  "department.scenarios.$id_.edit.tsx": async ({ scenario }) => [...scenarioForm(), ["version", String(await versionOf(scenario.id))]],
  "department.scenarios.$id_.questions.tsx": async () => [["questionId", ctx.questionId], ["answer", "可以，数据接口随合同提供。"]],
  "department.scenarios.new.tsx": async () => scenarioForm(),
  "department.scenarios.$id_.evaluation._index.tsx": async () => [["intent", "settings"], ["dueAt", "2099-06-30T17:00"]],
  // Two intents, by the scenario's place in the pool (so a FUZZ_SEED replays the same): a return, and
  // the completion with its case text.
  "department.scenarios.$id_.delivery.tsx": async ({ scenario }) => ([...ctx.drafts, ...ctx.published].findIndex((s) => s.id === scenario.id) % 2 === 0
    ? [["intent", "return"], ["milestoneId", "milestone000"], ["reason", "测试报告缺少汛期高峰并发测试数据。"], ["dueDate", ""]]
    : [["intent", "complete"], ["solution", "基于防汛预案与历史汛情构建知识库，大模型问答为值班人员提供处置建议。"], ["results[0]", "准确率 93%"]]),
  "department.scenarios.$id_.evaluation.summary.tsx": async () => [["intent", "reopen"], ["sheetId", "none"], ["reason", "评分理由与分值不一致，请核对。"]],
  "department.scenarios.$id_.award.tsx": async () => [["intent", "propose"], ["winnerIds", ctx.evaluation.proposalId], ["note", "按评审排名定标。"]],
  "department.scenarios.$id_.objections.tsx": async () => [["objectionId", "objection000"], ["answer", "经核查，拟中选单位申报材料真实有效。"]],
  "notices.$code_.objection.tsx": async () => [["grounds", "拟中选单位的业绩证明与实际不符，请核查其合同原件。"]],
  "admin.objections.tsx": async () => [["objectionId", "objection000"], ["outcome", "dismissed"], ["reason", "异议所称情况经核实不存在。"]],
  "evaluator.assignments.$assignmentId.proposals.$proposalId.tsx": async () => [["intent", "save"], ["version", "0"], ["comment", "初步意见"]],
  "evaluator.assignments.$id._index.tsx": async () => [["intent", "accept"]],
  "evaluator.profile.tsx": async () => [["title", "教授"], ["expertise", "防汛指挥与知识库"], ["sectors", "disaster_prevention"]],
  "admin.evaluators._index.tsx": async () => [["userId", ctx.users.evaluator.id]],
  "admin.evaluators.$userId.tsx": async () => [["title", "研究员"], ["maxConcurrent", "3"], ["active", "on"]],
  "admin.organisation-links.tsx": async () => [["intent", "add"], ["fromOrgId", ctx.users.vendor.orgId], ["toOrgId", ctx.departmentId], ["kind", "shareholder"], ["note", "测试"]],
  "organisation.members.tsx": async () => [["email", `colleague-${uniqueSuffix()}@test.example.cn`], ["name", "李同事"]],
  "forgot-password.tsx": async () => [["email", ctx.users.vendor.email]],
  "invite.$token.tsx": async () => [["name", "王 受邀"], ["password", PASSWORD], ["confirmPassword", PASSWORD]],
  "locale.tsx": async () => [["locale", "en"], ["redirectTo", "/scenarios"]],
  "login.tsx": async () => [["email", ctx.users.vendor.email], ["password", PASSWORD], ["redirectTo", "/dashboard"]],
  "logout.tsx": async () => [],
  "notifications.tsx": async () => [["intent", "read"], ["id", ctx.notificationId], ["next", "/notifications"]],
  "reset-password.tsx": async () => [["token", "a".repeat(40)], ["password", PASSWORD], ["confirmPassword", PASSWORD]],
  "scenarios.$code.interest.tsx": async () => [["intent", "follow"]],
  "scenarios.$code_.questions.tsx": async () => [["body", "请问是否提供历史积水点位数据？"]],
  "signup.tsx": async () => [
    ["orgType", "vendor"], ["orgName", `模糊测试科技 ${uniqueSuffix()}`], ["creditCode", testCreditCode("91")], ["name", "王 测试"],
    ["email", `fz-${uniqueSuffix()}@vendor.example.com`], ["password", PASSWORD], ["confirmPassword", PASSWORD],
  ],
  "vendor._index.tsx": async ({ scenario }) => [["intent", "not-relevant"], ["scenarioId", scenario.id]],
  "vendor.profile.tsx": async () => [
    ["updatedAt", (await db.organisation.findUniqueOrThrow({ where: { id: ctx.users.vendor.orgId }, select: { updatedAt: true } })).updatedAt.toISOString()],
    ["intro", "专注城市防汛的人工智能公司。"], ["sectors", "disaster_prevention"], ["techTags", "llm"], ["teamSize", "20"],
  ],
  // The fuzzing vendor's organisation is verified, so most posts end at "read-only" (409); files come from withFile.
  "vendor.profile_.verification.tsx": async () => [["intent", "upload"], ["kind", "business_licence"]],
  "vendor.delivery.$scenarioCode.tsx": async () => [["intent", "evidence"], ["milestoneId", "milestone000"], ["evidence", "知识库一期已上线，收录预案 1,240 份。"]],
  "vendor.proposals.$scenarioCode.tsx": async () => [["intent", "save"], ["version", "0"], ["technicalApproach", "## 方案\n\n基于大模型的知识库。"], ["team", "十人团队"], ["budgetRequest", "150"]],
};

function scenarioForm(): Fields {
  const deadline = new Date(Date.now() + 40 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  return [
    ["title", "城市内涝积水智能预警"], ["summary", "道路积水点识别与预警"], ["description", "## 需求\n\n汛期道路积水监测。"],
    ["sector", "disaster_prevention"], ["techTags", "computer_vision"], ["mechanism", "open_call"], ["district", "zhengdong"],
    ["needType", "demo_application"], ["budgetMin", "100"], ["budgetMax", "300"], ["kpis[0]", "识别准确率 ≥ 90%"],
    ["acceptanceCriteria[0]", "第三方测试"], ["contactName", "王工"], ["contactPhone", "0371-60000000"],
    ["contactEmail", "flood@test.example.cn"], ["deadline", deadline], ["projectMonths", "6"],
    ["noticeDays", "7"], ["objectionContact", "市数据局 0371-67180000"],
    ["rubric[0].criterion", "技术方案"], ["rubric[0].weight", "60"], ["rubric[0].maxScore", "10"],
    ["rubric[1].criterion", "团队能力"], ["rubric[1].weight", "40"], ["rubric[1].maxScore", "10"],
  ];
}

async function versionOf(id: string): Promise<number> {
  return (await db.scenario.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1;
}

async function cookieFor(who: Who, route: string): Promise<string | null> {
  if (who === "anonymous") return null;
  const user = ctx.users[who];
  // Logging out ends the session it is sent with: give it one of its own.
  if (route === "logout.tsx") return `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}`;
  return user.cookie;
}

type Outcome = { status: number; describe: string };

// Who normally posts to a route. Most cases go to them, so edits get past the guards and into the
// services; the rest come from everyone else, who must be refused cleanly.
function usualPoster(route: string): Who | null {
  if (/^(department\.|attachments\.)/.test(route)) return "officer";
  if (/^(vendor\.|vendor\._|scenarios\.|organisation\.|notices\.)/.test(route)) return "vendor";
  if (route.startsWith("admin.")) return "admin";
  if (route.startsWith("evaluator.")) return "evaluator";
  if (/^(login|signup|forgot-password|reset-password|invite)\b/.test(route)) return "anonymous";
  return null;
}

async function send(c: FuzzCase): Promise<Outcome> {
  const route = actionRoutes[c.route % actionRoutes.length]!;
  const who = (c.who % 5 < 3 ? usualPoster(route) : null) ?? WHO[c.who % WHO.length]!;
  const pool = route.includes("$id") ? [...ctx.drafts, ...ctx.published] : ctx.published;
  const seed = await SEEDS[route]!({ scenario: pool[c.param % pool.length]! });
  const fields = editFields(seed, c);
  const { body, contentType } = await encodeBody(fields, c);
  const url = urlFor(route, c);
  const headers: Record<string, string> = {};
  if (contentType) headers["Content-Type"] = contentType;
  const cookie = await cookieFor(who, route);
  if (cookie) headers.Cookie = cookie;
  if (c.origin !== "none") headers.Origin = c.origin === "same" ? web.url : "https://evil.example";
  const response = await fetch(`${web.url}${url}`, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers, redirect: "manual" });
  const text = await response.text();
  return {
    status: response.status,
    describe: `${response.status} ${who} POST ${url} ${c.kind} ${contentType ?? "(no type)"} ${JSON.stringify(fields).slice(0, 300)} → ${text.slice(0, 120).replace(/\s+/g, " ")}`,
  };
}

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  const { hashPassword } = await import("../../app/modules/accounts/passwords.server");
  const passwordHash = await hashPassword(PASSWORD);
  const department = await createOrganisation(db, "department");
  const make = async (role: "vendor" | "officer" | "admin" | "evaluator", orgId?: string) => {
    const user = await createUser(db, role, { orgId, passwordHash });
    return { ...user, cookie: `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}` };
  };
  const officer = await make("officer", department.id);
  const users = { vendor: await make("vendor"), officer, admin: await make("admin"), evaluator: await make("evaluator") };
  const drafts = [];
  const published = [];
  for (let i = 0; i < 4; i++) {
    drafts.push(await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "draft" }));
    published.push(await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "published" }));
  }
  const question = await db.question.create({ data: { scenarioId: published[0]!.id, orgId: users.vendor.orgId, askedById: users.vendor.id, body: "是否提供数据？" }, select: { id: true } });
  const notification = await db.notification.create({ data: { userId: users.vendor.id, kind: "test", title: "t", link: "/", dedupeKey: `fuzz:${users.vendor.id}` }, select: { id: true } });
  const inviteToken = randomToken();
  await db.invitation.create({ data: { tokenHash: hashToken(inviteToken), email: `invitee-${uniqueSuffix()}@test.example.cn`, orgId: department.id, role: "officer", invitedById: users.admin.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  // An evaluation of the fuzzing department, with the evaluator assigned and cleared on one proposal.
  const evaluating = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "evaluating", deadlineInDays: -1 });
  await db.criterion.create({ data: { scenarioId: evaluating.id, position: 0, name: "技术方案", weight: 100, maxScore: 10 } });
  const proposal = await addProposal(db, evaluating.id);
  const assignment = await db.evaluationAssignment.create({
    data: { scenarioId: evaluating.id, evaluatorId: users.evaluator.id, assignedById: officer.id, status: "accepted", dueAt: new Date(Date.now() + 7 * 86_400_000) },
    select: { id: true },
  });
  await declare(db, assignment.id, proposal.id);
  await db.evaluatorProfile.create({ data: { userId: users.evaluator.id } });
  const evaluation = { scenarioId: evaluating.id, assignmentId: assignment.id, proposalId: proposal.id };
  const signer = await (await import("../../app/modules/digests/link-tokens.server")).linkSigner();
  const mailTokens = [
    signer.sign({ kind: "unsubscribe", userId: users.vendor.id, scope: "all" }),
    signer.sign({ kind: "not-relevant", userId: users.vendor.id, orgId: users.vendor.orgId, scenarioId: published[0]!.id }),
  ];
  const deadMail = await db.mail.create({
    data: { idempotencyKey: `fuzz-dead-${uniqueSuffix()}`, to: users.vendor.email, subject: "s", html: "<p>h</p>", text: "t", template: "digest", status: "dead", lastError: "422 invalid address", failedAt: new Date() },
    select: { id: true },
  });
  const savedSearch = await db.savedSearch.create({ data: { userId: users.vendor.id, orgId: users.vendor.orgId, name: "防汛", query: "q=防汛", frequency: "daily" }, select: { id: true } });
  const fuzzTarget = await createUser(db, "evaluator");
  const fuzzMembership = await db.membership.findFirstOrThrow({ where: { userId: fuzzTarget.id }, select: { id: true } });
  ctx = {
    fuzzMembershipId: fuzzMembership.id,
    users, drafts, published, questionId: question.id, notificationId: notification.id, inviteToken, mailTokens, deadMailId: deadMail.id,
    savedSearchId: savedSearch.id, departmentId: department.id, evaluation,
  };
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("every action route is fuzzed and has a seed form", () => {
  expect(actionRoutes.length).toBeGreaterThanOrEqual(20);
  expect(actionRoutes.filter((route) => !SEEDS[route])).toEqual([]);
});

it("the seed forms are accepted as they are, so the fuzzing starts from submissions that work", async () => {
  const asIs: Omit<FuzzCase, "route" | "who"> = { param: 0, data: false, query: null, useSeed: true, ops: [], kind: "urlencoded", withFile: null, brokenAt: 0, rawBytes: new Uint8Array(), origin: "none" };
  const expectations: Record<string, Who> = {
    "locale.tsx": "anonymous", "scenarios.$code.interest.tsx": "vendor", "scenarios.$code_.questions.tsx": "vendor",
    "department.scenarios.new.tsx": "officer", "department.scenarios.$id_.amend.tsx": "officer", "vendor.proposals.$scenarioCode.tsx": "vendor",
    "notifications.tsx": "vendor", "admin.invitations.tsx": "admin",
  };
  for (const [route, who] of Object.entries(expectations)) {
    const outcome = await send({ ...asIs, route: actionRoutes.indexOf(route), who: WHO.indexOf(who) });
    expect(outcome.status, outcome.describe).toBe(302);
  }
});

it(`${RUNS * BATCH} hostile form posts to every action, signed in or not, never answer 5xx`, async () => {
  const arbitrary = fc.array(fuzzCase(formVocabulary()), { minLength: BATCH, maxLength: BATCH });
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (batch) => {
      const outcomes = await Promise.all(batch.map(send));
      for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      const bad = outcomes.filter((o) => o.status >= 500).map((o) => o.describe);
      failures.push(...bad);
      // FUZZ_REPORT_ALL=1 counts every failure of the run instead of stopping at the first batch.
      return process.env.FUZZ_REPORT_ALL === "1" || bad.length === 0;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[fuzz] seed ${SEED}: ${[...statuses.values()].reduce((a, b) => a + b, 0)} posts in ${((Date.now() - started) / 1000).toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  expect(failures).toEqual([]);
}, 300_000);

it("an impossible amendment deadline (02-31) answers 400 with the form and what was typed, not 500", async () => {
  // A scenario of its own: the fuzzing above may have cancelled or amended the shared ones.
  const scenario = await createScenario(db, { departmentId: ctx.departmentId, createdById: ctx.users.officer.id, status: "published" });
  const fields = (await SEEDS["department.scenarios.$id_.amend.tsx"]!({ scenario })).map(([k, v]) => [k, k === "deadline" ? "2027-02-31T10:00" : v] as [string, string]);
  const response = await fetch(`${web.url}/department/scenarios/${scenario.id}/amend`, {
    method: "POST", body: new URLSearchParams(fields), headers: { Cookie: ctx.users.officer.cookie, Origin: web.url }, redirect: "manual",
  });
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain("城市内涝积水智能预警");
  expect(html).toContain("延长截止时间，补充说明");
});

it("a draft saved with a version past the database's integer answers 400, not 500", async () => {
  // Found by the fuzzing above (seed 1111007135): the version went to the database, which refused it.
  const scenario = await createScenario(db, { departmentId: ctx.departmentId, createdById: ctx.users.officer.id, status: "published" });
  const fields = (await SEEDS["vendor.proposals.$scenarioCode.tsx"]!({ scenario })).filter(([k]) => k !== "version");
  for (const version of ["1.3344103118186784e+202", "2147483648"]) {
    const response = await fetch(`${web.url}/vendor/proposals/${scenario.code}`, {
      method: "POST", body: new URLSearchParams([...fields, ["version", version]]), headers: { Cookie: ctx.users.vendor.cookie, Origin: web.url }, redirect: "manual",
    });
    expect(response.status, `version ${version}`).toBe(400);
  }
  const saved = await fetch(`${web.url}/vendor/proposals/${scenario.code}`, {
    method: "POST", body: new URLSearchParams([...fields, ["version", "0"]]), headers: { Cookie: ctx.users.vendor.cookie, Origin: web.url }, redirect: "manual",
  });
  expect(saved.status, "the same draft with the version it was loaded at is saved").toBe(302);
});

it("a score sheet posted with its rows as one bare value answers 400 with the form, not 500", async () => {
  // An evaluator and an evaluation of its own: the fuzzing above may have ended the shared sessions.
  const evaluator = await createUser(db, "evaluator");
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, evaluator.id))}`;
  await db.evaluatorProfile.create({ data: { userId: evaluator.id } });
  const scenario = await createScenario(db, { departmentId: ctx.departmentId, createdById: ctx.users.officer.id, status: "evaluating", deadlineInDays: -1 });
  await db.criterion.create({ data: { scenarioId: scenario.id, position: 0, name: "技术方案", weight: 100, maxScore: 10 } });
  const proposal = await addProposal(db, scenario.id);
  const assignment = await db.evaluationAssignment.create({
    data: { scenarioId: scenario.id, evaluatorId: evaluator.id, assignedById: ctx.users.officer.id, status: "accepted", dueAt: new Date(Date.now() + 7 * 86_400_000) },
    select: { id: true },
  });
  await declare(db, assignment.id, proposal.id);
  const post = (fields: [string, string][]) => fetch(`${web.url}/evaluator/assignments/${assignment.id}/proposals/${proposal.id}`, {
    method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie, Origin: web.url }, redirect: "manual",
  });
  const seed = await post([["intent", "save"], ["version", "0"], ["comment", "初步意见"]]);
  expect([seed.status, seed.headers.get("location")], "the same post without the bare rows is saved").toEqual([302, `/evaluator/assignments/${assignment.id}/proposals/${proposal.id}`]);
  for (const rows of [[["scores", "x"]], [["scores", "\ud87c\u0001\ude0d"]], [["scores[0]", "8"]], [["scores[0].value", "8"], ["scores[1]", "x"]]] as [string, string][][]) {
    const response = await post([["intent", "save"], ["version", "1"], ["comment", "初步意见"], ...rows]);
    expect(response.status, JSON.stringify(rows)).toBe(400);
    expect(await response.text()).toContain("score-sheet");
  }
});
