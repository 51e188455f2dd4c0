import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { actorOf, closedScenario, createExpert } from "../fixtures/evaluation-assign";

// The evaluation due date in the deadline registry: reminders two days and one day before, only to
// evaluators with work left, once per stage however often the job and the sweep run.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let registry: typeof import("../../app/modules/deadlines/deadline-registry.server");
let due: typeof import("../../app/modules/deadlines/evaluation-due.deadline.server");
let commands: typeof import("../../app/modules/evaluation/assignment-commands.server");
let declarations: typeof import("../../app/modules/evaluation/declaration-commands.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  registry = await import("../../app/modules/deadlines/deadline-registry.server");
  due = await import("../../app/modules/deadlines/evaluation-due.deadline.server");
  commands = await import("../../app/modules/evaluation/assignment-commands.server");
  declarations = await import("../../app/modules/evaluation/declaration-commands.server");
});
afterAll(() => cleanup?.());

const HOUR = 3_600_000;

async function setup() {
  const s = await closedScenario(db, [{}], { dueInDays: 10 });
  const expert = await createExpert(db);
  const a = await commands.assignEvaluator(actorOf(s.officer, "officer"), { id: s.id, departmentId: s.departmentId }, expert.id);
  const dueAt = new Date(a.dueAt);
  return { s, expert, assignmentId: a.id, dueAt, at: (hoursBefore: number) => new Date(dueAt.getTime() - hoursBefore * HOUR) };
}

const remindAudits = (assignmentId: string) => db.auditEvent.count({ where: { entityId: assignmentId, action: "evaluation.remind" } });

describe("evaluation-due reminders", () => {
  it("is registered with the other deadlines", () => {
    expect(registry.DEADLINES.map((d) => d.name)).toEqual(expect.arrayContaining(["proposal-deadline", "evaluation-due"]));
  });

  it("sends each stage once, whether the exact job, a retry or the sweep runs", async () => {
    const { expert, assignmentId, at } = await setup();
    const job = { assignmentId };
    // Too early: nothing.
    await registry.runDeadlineJob(due.evaluationDueDeadline, job, at(60));
    expect(await remindAudits(assignmentId)).toBe(0);

    await registry.runDeadlineJob(due.evaluationDueDeadline, job, at(47));
    await registry.runDeadlineJob(due.evaluationDueDeadline, job, at(46));
    await due.evaluationDueDeadline.sweep.run(at(45));
    expect(await remindAudits(assignmentId)).toBe(1);
    await drainEvents();
    await drainEvents();
    expect(await db.notification.count({ where: { userId: expert.id, kind: "evaluation.reminder" } })).toBe(1);
    expect(await db.mail.count({ where: { to: expert.email, subject: { contains: "评审即将截止" } } })).toBe(1);

    // The day before: the second stage, once.
    await due.evaluationDueDeadline.sweep.run(at(20));
    await registry.runDeadlineJob(due.evaluationDueDeadline, job, at(19));
    expect(await remindAudits(assignmentId)).toBe(2);
    await drainEvents();
    expect(await db.notification.count({ where: { userId: expert.id, kind: "evaluation.reminder" } })).toBe(2);

    // After the due date nothing more.
    await registry.runDeadlineJob(due.evaluationDueDeadline, job, at(-1));
    expect(await remindAudits(assignmentId)).toBe(2);
  });

  it("skips evaluators with nothing left and declined assignments", async () => {
    const done = await setup();
    await commands.acceptAssignment(actorOf(done.expert, "evaluator"), done.assignmentId);
    // Conflicted on the only proposal: nothing to score, nothing to remind of.
    await declarations.declareConflict(actorOf(done.expert, "evaluator"), done.assignmentId, { proposalId: done.s.proposals[0]!.id, conflicted: true, reason: "曾在该单位兼职" });
    expect(await due.evaluationDueDeadline.handle({ assignmentId: done.assignmentId }, done.at(30))).toBe(false);

    const declined = await setup();
    await commands.declineAssignment(actorOf(declined.expert, "evaluator"), declined.assignmentId, "时间冲突无法参加");
    expect(await due.evaluationDueDeadline.handle({ assignmentId: declined.assignmentId }, declined.at(30))).toBe(false);
    expect(await remindAudits(done.assignmentId) + (await remindAudits(declined.assignmentId))).toBe(0);
  });

  it("an evaluator with a draft sheet is still reminded; a submitted sheet settles the proposal", async () => {
    const { s, expert, assignmentId, at } = await setup();
    await commands.acceptAssignment(actorOf(expert, "evaluator"), assignmentId);
    const proposalId = s.proposals[0]!.id;
    await declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId, conflicted: false, reason: "" });
    const sheet = await db.scoreSheet.create({ data: { assignmentId, proposalId, status: "draft" } });
    expect(await due.evaluationDueDeadline.handle({ assignmentId }, at(40))).toBe(true);
    await db.scoreSheet.update({ where: { id: sheet.id }, data: { status: "submitted", submittedAt: new Date() } });
    expect(await due.evaluationDueDeadline.handle({ assignmentId }, at(10))).toBe(false);
  });

  it("a moved due date starts its stages afresh", async () => {
    const { s, assignmentId, at } = await setup();
    expect(await due.evaluationDueDeadline.handle({ assignmentId }, at(40))).toBe(true);
    const later = new Date(at(0).getTime() + 5 * 24 * HOUR);
    await commands.updateEvaluationSettings(actorOf(s.officer, "officer"), { id: s.id, departmentId: s.departmentId }, { dueAt: later, blindReview: false }, at(40));
    expect(await due.evaluationDueDeadline.handle({ assignmentId }, new Date(later.getTime() - 40 * HOUR))).toBe(true);
  });
});
