import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { actorOf, closedScenario, cookieFor, createExpert } from "../fixtures/evaluation-assign";
import { createOrganisation, createUser } from "../fixtures/users";

// Assignment of evaluators against the real database: suggestions and the conflict pre-check, the
// first assignment starting evaluation, the answers of the expert, and who may act at all.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let suggest: typeof import("../../app/modules/evaluation/evaluator-suggestions.server");
let precheck: typeof import("../../app/modules/evaluation/conflict-precheck.server");
let commands: typeof import("../../app/modules/evaluation/assignment-commands.server");
let route: typeof import("../../app/routes/department.scenarios.$id_.evaluation._index");
let year: number;

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  suggest = await import("../../app/modules/evaluation/evaluator-suggestions.server");
  precheck = await import("../../app/modules/evaluation/conflict-precheck.server");
  commands = await import("../../app/modules/evaluation/assignment-commands.server");
  route = await import("../../app/routes/department.scenarios.$id_.evaluation._index");
  year = (await import("../../app/modules/scenarios/scenario-dates")).shanghaiYear(new Date());
});
afterAll(() => cleanup?.());

const officerActor = (s: { officer: { id: string; orgId: string } }) => actorOf(s.officer, "officer");
const key = (s: { id: string; departmentId: string }) => ({ id: s.id, departmentId: s.departmentId });

describe("suggestions and the conflict pre-check", () => {
  it("ranks pool experts by fit, leaves out inactive and non-pool users, and excludes conflicted experts with the reason", async () => {
    const partner = await createOrganisation(db, "institute", `联合体高校 ${Date.now()}`);
    const group = await createOrganisation(db, "vendor", `母公司集团 ${Date.now()}`);
    const s = await closedScenario(db, [{ orgName: `申报企业甲 ${Date.now()}` }, { consortium: [{ orgId: partner.id, name: partner.name, role: "算法" }] }, {}]);
    const [a, , c] = s.proposals;
    await db.organisationLink.create({ data: { fromOrgId: group.id, toOrgId: c!.orgId, kind: "parent" } });

    const strong = await createExpert(db, { name: "强匹配专家", sectors: ["disaster_prevention"], techTags: ["llm", "knowledge_graph"], expertise: "防汛指挥、知识库问答、医学统计" });
    await createExpert(db, { name: "中匹配专家", sectors: ["disaster_prevention"], techTags: ["llm"], expertise: "城市交通" });
    await createExpert(db, { name: "弱匹配专家", sectors: ["healthcare"], techTags: [], expertise: "医学影像" });
    const oldJob = await createExpert(db, { name: "早年任职专家", sectors: ["disaster_prevention"], affiliations: [{ orgId: a!.orgId, orgName: a!.orgName, fromYear: 2005, toYear: year - 4 }] });
    const ownOrg = await createExpert(db, { name: "本单位专家", sectors: ["disaster_prevention"], techTags: ["llm", "knowledge_graph"], affiliations: [{ orgId: a!.orgId, orgName: a!.orgName, fromYear: 2018 }] });
    await createExpert(db, { name: "三年内离职专家", affiliations: [{ orgId: a!.orgId, orgName: a!.orgName, fromYear: 2015, toYear: year - 2 }] });
    await createExpert(db, { name: "联合体成员专家", affiliations: [{ orgName: partner.name, fromYear: 2020 }] });
    const linked = await createExpert(db, { name: "关联单位专家", affiliations: [{ orgId: group.id, orgName: group.name, fromYear: 2021 }] });
    await createExpert(db, { name: "停用专家", sectors: ["disaster_prevention"], active: false });
    const notEvaluator = await createUser(db, "officer", { name: "不是专家" });
    await db.evaluatorProfile.create({ data: { userId: notEvaluator.id, sectors: ["disaster_prevention"] } });

    const { suggestions, excluded } = await suggest.suggestEvaluators(s.id);
    const names = suggestions.map((x) => x.name);
    expect(names.indexOf("强匹配专家")).toBeLessThan(names.indexOf("中匹配专家"));
    expect(names.indexOf("中匹配专家")).toBeLessThan(names.indexOf("弱匹配专家"));
    expect(names).toContain("早年任职专家");
    for (const n of ["本单位专家", "三年内离职专家", "联合体成员专家", "关联单位专家", "停用专家", "不是专家"]) expect(names).not.toContain(n);
    const strongRow = suggestions.find((x) => x.userId === strong.id)!;
    expect(strongRow.score.fit.matchedTerms).toEqual(["防汛指挥", "知识库问答"]);

    const reasons = Object.fromEntries(excluded.map((e) => [e.name, e.reasons]));
    expect(Object.keys(reasons).sort()).toEqual(["三年内离职专家", "关联单位专家", "本单位专家", "联合体成员专家"].sort());
    expect(reasons["本单位专家"]).toEqual([expect.objectContaining({ kind: "own_org", proposalLabel: "A", partyName: a!.orgName })]);
    expect(reasons["三年内离职专家"]).toEqual([expect.objectContaining({ kind: "own_org" })]);
    // The consortium member was typed by name only; it is found by the organisation's name.
    expect(reasons["联合体成员专家"]).toEqual([expect.objectContaining({ kind: "consortium_member", proposalLabel: "B", orgName: partner.name })]);
    expect(reasons["关联单位专家"]).toEqual([expect.objectContaining({ kind: "linked_org", proposalLabel: "C", link: "parent", partyName: c!.orgName })]);

    expect(await precheck.precheckConflicts(s.id, ownOrg.id)).toMatchObject({ conflicted: true, proposals: [{ proposalId: a!.id }] });
    expect(await precheck.precheckConflicts(s.id, oldJob.id)).toEqual({ conflicted: false, proposals: [] });
    expect((await precheck.precheckConflicts(s.id, linked.id)).proposals[0]!.proposalId).toBe(c!.id);
  });

  it("counts platform memberships as current organisations", async () => {
    const s = await closedScenario(db);
    const expert = await createExpert(db, { name: "兼职专家" });
    await db.membership.create({ data: { userId: expert.id, orgId: s.proposals[0]!.orgId, role: "vendor_member" } });
    expect(await precheck.precheckConflicts(s.id, expert.id)).toMatchObject({ conflicted: true, proposals: [{ reasons: [{ kind: "own_org" }] }] });
  });

  it("ranks an expert at capacity last and marks them", async () => {
    const s = await closedScenario(db);
    const busy = await createExpert(db, { name: "满负荷专家", sectors: ["disaster_prevention"], techTags: ["llm", "knowledge_graph"], maxConcurrent: 1 });
    const other = await closedScenario(db);
    await db.evaluationAssignment.create({ data: { scenarioId: other.id, evaluatorId: busy.id, dueAt: new Date(Date.now() + 86_400_000), assignedById: other.officer.id } });
    await createExpert(db, { name: "空闲弱匹配专家", sectors: [], techTags: [] });
    const { suggestions } = await suggest.suggestEvaluators(s.id);
    expect(suggestions.at(-1)).toMatchObject({ name: "满负荷专家", score: { load: { active: 1, max: 1, full: true } } });
  });
});

describe("assigning", () => {
  it("the first assignment moves the scenario closed → evaluating once, audited; the expert is notified and mailed", async () => {
    const s = await closedScenario(db);
    const [e1, e2] = [await createExpert(db), await createExpert(db)];
    await commands.assignEvaluator(officerActor(s), key(s), e1.id);
    await commands.assignEvaluator(officerActor(s), key(s), e2.id);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("evaluating");
    const evaluate = await db.auditEvent.findMany({ where: { entityId: s.id, action: "scenario.evaluate" } });
    expect(evaluate).toHaveLength(1);
    expect(evaluate[0]).toMatchObject({ actorId: s.officer.id, ip: "203.0.113.9", entityType: "scenario" });
    const rows = await db.evaluationAssignment.findMany({ where: { scenarioId: s.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.evaluatorId, r.status])).toEqual([[e1.id, "invited"], [e2.id, "invited"]]);
    expect(await db.auditEvent.count({ where: { action: "evaluation.assign", entityId: { in: rows.map((r) => r.id) } } })).toBe(2);

    await drainEvents();
    const note = await db.notification.findFirstOrThrow({ where: { userId: e1.id, kind: "evaluation.assigned" } });
    expect(note.link).toBe(`/evaluator/assignments/${rows[0]!.id}`);
    const mail = await db.mail.findFirstOrThrow({ where: { to: e1.email, template: "evaluation-notice" } });
    expect(mail.subject).toContain("评审邀请");
    // Reminders are scheduled for two days and one day before the due date.
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'evaluation-due' AND data->>'assignmentId' = ${rows[0]!.id}`;
    expect(Number(jobs[0]!.n)).toBe(2);
  });

  it("refuses a conflicted expert, a second assignment, a missing due date and a non-pool user; nothing changes", async () => {
    const s = await closedScenario(db);
    const conflicted = await createExpert(db, { affiliations: [{ orgId: s.proposals[0]!.orgId, orgName: "申报单位" }] });
    await expect(commands.assignEvaluator(officerActor(s), key(s), conflicted.id)).rejects.toMatchObject({ status: 409, label: "ea.error.conflicted" });
    const vendor = await createUser(db, "vendor");
    await expect(commands.assignEvaluator(officerActor(s), key(s), vendor.id)).rejects.toMatchObject({ status: 404, label: "ea.error.notInPool" });
    expect(await db.evaluationAssignment.count({ where: { scenarioId: s.id } })).toBe(0);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("closed");

    const ok = await createExpert(db);
    await commands.assignEvaluator(officerActor(s), key(s), ok.id);
    await expect(commands.assignEvaluator(officerActor(s), key(s), ok.id)).rejects.toMatchObject({ status: 409, label: "ea.error.alreadyAssigned" });

    const noDue = await closedScenario(db, [{}], { dueInDays: null });
    await expect(commands.assignEvaluator(officerActor(noDue), key(noDue), ok.id)).rejects.toMatchObject({ label: "ea.error.noDueDate" });
  });

  it("blind review can change only before the first assignment; the due date moves standing assignments", async () => {
    const s = await closedScenario(db);
    const due = new Date(Date.now() + 20 * 86_400_000);
    await commands.updateEvaluationSettings(officerActor(s), key(s), { dueAt: due, blindReview: true });
    const e = await createExpert(db);
    await commands.assignEvaluator(officerActor(s), key(s), e.id);
    await expect(commands.updateEvaluationSettings(officerActor(s), key(s), { dueAt: due, blindReview: false })).rejects.toMatchObject({ status: 409, label: "ea.error.blindLocked" });
    const later = new Date(Date.now() + 25 * 86_400_000);
    await commands.updateEvaluationSettings(officerActor(s), key(s), { dueAt: later, blindReview: true });
    expect(await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ blindReview: true, evaluationDueAt: later });
    expect((await db.evaluationAssignment.findFirstOrThrow({ where: { scenarioId: s.id } })).dueAt).toEqual(later);
    expect(await db.auditEvent.count({ where: { entityId: s.id, action: "scenario.evaluationSettings" } })).toBe(2);
  });
});

describe("the expert's answer", () => {
  it("a decline needs the expert's own invitation, records the reason and asks the department's officers for a replacement", async () => {
    const s = await closedScenario(db);
    const colleague = await createUser(db, "officer", { orgId: s.departmentId });
    const e = await createExpert(db);
    const a = await commands.assignEvaluator(officerActor(s), key(s), e.id);
    const stranger = await createExpert(db);
    await expect(commands.declineAssignment(actorOf(stranger, "evaluator"), a.id, "不是我的任务")).rejects.toMatchObject({ status: 404 });
    await commands.declineAssignment(actorOf(e, "evaluator"), a.id, "近期出差，无法参加");
    expect(await db.evaluationAssignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "declined", declineReason: "近期出差，无法参加" });
    await expect(commands.acceptAssignment(actorOf(e, "evaluator"), a.id)).rejects.toMatchObject({ status: 409 });
    await drainEvents();
    for (const officer of [s.officer, colleague]) {
      const note = await db.notification.findFirstOrThrow({ where: { userId: officer.id, kind: "evaluation.declined" } });
      expect(note.body).toContain("近期出差，无法参加");
      expect(note.link).toBe(`/department/scenarios/${s.id}/evaluation`);
    }
    expect(await db.notification.count({ where: { userId: e.id, kind: "evaluation.declined" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: a.id, action: "evaluation.decline" } })).toBe(1);
  });
});

describe("the assignment page refuses outsiders and changes nothing", () => {
  async function call(method: "GET" | "POST", s: { id: string }, userId: string | null, form?: Record<string, string>) {
    const headers: Record<string, string> = userId ? { Cookie: await cookieFor(db, userId) } : {};
    const init: RequestInit = method === "POST"
      ? { method, headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) }
      : { headers };
    const request = new Request(`http://jiebang.test/department/scenarios/${s.id}/evaluation`, init);
    try {
      const result = method === "POST" ? await route.action({ request, params: { id: s.id }, context: {} }) : await route.loader({ request, params: { id: s.id }, context: {} });
      return result instanceof Response ? result.status : ((result as { init?: ResponseInit | null }).init?.status ?? 200);
    } catch (thrown) {
      return (thrown as Response).status;
    }
  }

  it("lets the owning officer and an admin in; another department's officer, a vendor and an evaluator get 403", async () => {
    const s = await closedScenario(db);
    const expert = await createExpert(db);
    const admin = await createUser(db, "admin");
    expect(await call("GET", s, s.officer.id)).toBe(200);
    expect(await call("GET", s, admin.id)).toBe(200);
    const outsiders = [await createUser(db, "officer"), await createUser(db, "vendor"), await createExpert(db)];
    for (const u of outsiders) {
      expect(await call("GET", s, u.id)).toBe(403);
      expect(await call("POST", s, u.id, { intent: "assign", evaluatorId: expert.id })).toBe(403);
    }
    expect(await call("GET", { id: "no-such-scenario" }, s.officer.id)).toBe(404);
    expect(await call("GET", s, null)).toBe(302);
    expect(await db.evaluationAssignment.count({ where: { scenarioId: s.id } })).toBe(0);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("closed");

    // The owner assigns through the route; only an admin may post an override.
    expect(await call("POST", s, s.officer.id, { intent: "assign", evaluatorId: expert.id })).toBe(302);
    expect(await db.evaluationAssignment.count({ where: { scenarioId: s.id } })).toBe(1);
    expect(await call("POST", s, s.officer.id, { intent: "override", declarationId: "x", reason: "十个字以上的书面理由说明" })).toBe(403);
  });

  it("answers 409 for a scenario that is not closed, and 400 with the message for a past due date", async () => {
    const s = await closedScenario(db);
    expect(await call("POST", s, s.officer.id, { intent: "settings", dueAt: "2020-01-01T10:00" })).toBe(400);
    await db.scenario.update({ where: { id: s.id }, data: { status: "published" } });
    expect(await call("GET", s, s.officer.id)).toBe(409);
  });
});
