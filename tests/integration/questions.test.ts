import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createVendor, saveScenario, startProposal, type VendorUser } from "../fixtures/interested";
import { createOrganisation, createUser } from "../fixtures/users";
import { drainEvents } from "../fixtures/drain-events";

// 答疑 end to end at the service level: ask → answer → public without the asker → exactly one notice each.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let commands: typeof import("../../app/modules/questions/question-commands.server");
let queries: typeof import("../../app/modules/questions/question-queries.server");
let fanOut: typeof import("../../app/modules/notifications/fan-out.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  commands = await import("../../app/modules/questions/question-commands.server");
  queries = await import("../../app/modules/questions/question-queries.server");
  fanOut = await import("../../app/modules/notifications/fan-out.server");
});
afterAll(() => cleanup?.());

async function setup(deadlineInDays = 30) {
  const department = await createOrganisation(db, "department", "郑州市城管局（测试）");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, deadlineInDays });
  return { department, officer, scenario, key: { id: scenario.id, departmentId: department.id } };
}

async function noticesFor(user: { id: string; email: string }, template: string) {
  const [notifications, mails] = await Promise.all([
    db.notification.findMany({ where: { userId: user.id } }),
    db.mail.findMany({ where: { to: user.email, template } }),
  ]);
  return { notifications, mails };
}

describe("clarification Q&A", () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  let asker: VendorUser, saver: VendorUser, drafter: VendorUser, bystander: VendorUser, withdrawn: VendorUser;
  let questionId: string;

  beforeAll(async () => {
    ctx = await setup();
    asker = await createVendor(db, "提问科技有限公司");
    saver = await createVendor(db);
    drafter = await createVendor(db);
    bystander = await createVendor(db);
    withdrawn = await createVendor(db);
    await saveScenario(db, saver, ctx.scenario.id);
    await startProposal(db, drafter, ctx.scenario.id, "draft");
    await startProposal(db, withdrawn, ctx.scenario.id, "withdrawn");
  });

  it("a vendor asks; only its own organisation sees the pending question", async () => {
    ({ id: questionId } = await commands.askQuestion(asker, ctx.scenario.id, "是否提供历史积水点位数据？"));
    expect(await queries.listAnsweredQuestions(ctx.scenario.id)).toEqual([]);
    expect(await queries.listOwnPendingQuestions(ctx.scenario.id, asker.orgId)).toHaveLength(1);
    expect(await queries.listOwnPendingQuestions(ctx.scenario.id, saver.orgId)).toHaveLength(0);
    const audit = await db.auditEvent.findFirst({ where: { action: "question.ask", entityId: questionId } });
    expect(audit).toMatchObject({ actorId: asker.id, orgId: asker.orgId });
  });

  it("only an officer of the owning department can answer", async () => {
    const other = await createOrganisation(db, "department");
    const otherOfficer = await createUser(db, "officer", { orgId: other.id });
    await expect(
      commands.answerQuestion(otherOfficer, { id: ctx.scenario.id, departmentId: other.id }, questionId, "越权答复"),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db.question.findUniqueOrThrow({ where: { id: questionId } })).answeredAt).toBeNull();
  });

  it("the answer is public without the asker's organisation and notifies every interested vendor once", async () => {
    await commands.answerQuestion(ctx.officer, ctx.key, questionId, "提供近三年积水点位及雨量站数据。");
    await drainEvents();
    const publicList = await queries.listAnsweredQuestions(ctx.scenario.id);
    expect(publicList).toHaveLength(1);
    expect(publicList[0]).toMatchObject({ body: "是否提供历史积水点位数据？", answer: "提供近三年积水点位及雨量站数据。" });
    expect(JSON.stringify(publicList)).not.toContain(asker.orgId);
    expect(JSON.stringify(publicList)).not.toContain("提问科技有限公司");
    expect(Object.keys(publicList[0]!).sort()).toEqual(["answer", "answeredAt", "body", "createdAt", "id"]);
    // The department does see who asked.
    expect((await queries.listDepartmentQuestions(ctx.scenario.id, ctx.department.id))[0]!.org.name).toBe("提问科技有限公司");
    expect(await db.auditEvent.count({ where: { action: "question.answer", entityId: questionId } })).toBe(1);

    for (const vendor of [asker, saver, drafter]) {
      const { notifications, mails } = await noticesFor(vendor, "question-answered");
      expect(notifications).toHaveLength(1);
      expect(notifications[0]).toMatchObject({ kind: "question.answered", dedupeKey: `question.answered:${questionId}:${vendor.id}` });
      expect(notifications[0]!.link).toContain(`/scenarios/${ctx.scenario.code}`);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("提供近三年积水点位及雨量站数据。");
    }
    expect((await noticesFor(asker, "question-answered")).mails[0]!.subject).toContain("你的问题已答复");
    expect((await noticesFor(saver, "question-answered")).mails[0]!.subject).toContain("答疑新增答复");
    // Neither an unrelated vendor nor one that withdrew its proposal hears about it.
    for (const vendor of [bystander, withdrawn]) {
      const { notifications, mails } = await noticesFor(vendor, "question-answered");
      expect(notifications).toHaveLength(0);
      expect(mails).toHaveLength(0);
    }
  });

  it("a second delivery of the same answer (a retry) creates no duplicate", async () => {
    const before = await db.notification.count();
    const mailsBefore = await db.mail.count();
    const created = await fanOut.fanOutEvent({ event: "question.answered", entityId: questionId, data: {} });
    expect(created).toMatchObject({ notifications: 0, mails: 0 });
    expect(await db.notification.count()).toBe(before);
    expect(await db.mail.count()).toBe(mailsBefore);
  });

  it("a question is answered once", async () => {
    await expect(commands.answerQuestion(ctx.officer, ctx.key, questionId, "第二次答复")).rejects.toMatchObject({
      label: "qv.alreadyAnswered", status: 409,
    });
  });
});

describe("asking is refused", () => {
  it("after the deadline (server time)", async () => {
    const { scenario } = await setup(1);
    const vendor = await createVendor(db);
    const later = new Date(Date.now() + 2 * 86_400_000);
    await expect(commands.askQuestion(vendor, scenario.id, "截止后还能提问吗？", later)).rejects.toMatchObject({
      label: "qv.deadlinePassed", status: 409,
    });
    expect(await db.question.count({ where: { scenarioId: scenario.id } })).toBe(0);
  });

  it("on a scenario that is not open, and for a member of a department", async () => {
    const { department, officer, scenario } = await setup();
    await db.scenario.update({ where: { id: scenario.id }, data: { status: "closed" } });
    const vendor = await createVendor(db);
    await expect(commands.askQuestion(vendor, scenario.id, "已截止场景能提问吗？")).rejects.toMatchObject({ label: "qv.notOpen" });
    const officerAsker = {
      id: officer.id,
      membership: { orgId: department.id, role: "officer" as const, org: { id: department.id, name: department.name, type: "department" as const, verified: true } },
    };
    await expect(commands.askQuestion(officerAsker, scenario.id, "部门能提问吗？")).rejects.toMatchObject({ label: "qv.vendorOnly", status: 403 });
  });
});
