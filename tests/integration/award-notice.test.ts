import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { evaluatedScenario } from "../fixtures/award";
import { actorOf } from "../fixtures/evaluation-assign";
import { createUser } from "../fixtures/users";

// 定标 → 公示 → 异议 → 定标 on the real database: a pending objection blocks the finalisation, an
// upheld one sends the decision back and the next notice starts afresh, and finalising is idempotent
// and all-or-nothing even when the worker doing it is killed halfway.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let awards: typeof import("../../app/modules/awards/award-commands.server");
let objections: typeof import("../../app/modules/awards/objection-commands.server");
let finalise: typeof import("../../app/modules/awards/finalise-award.server");
let noticeEnd: typeof import("../../app/modules/deadlines/notice-end.deadline.server");
let registry: typeof import("../../app/modules/deadlines/deadline-registry.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  awards = await import("../../app/modules/awards/award-commands.server");
  objections = await import("../../app/modules/awards/objection-commands.server");
  finalise = await import("../../app/modules/awards/finalise-award.server");
  noticeEnd = await import("../../app/modules/deadlines/notice-end.deadline.server");
  registry = await import("../../app/modules/deadlines/deadline-registry.server");
});
afterAll(() => cleanup?.());

const MIN = 60_000;
const DAY = 86_400_000;
// 15:00 in Beijing on 3 August 2026: the period counts 4–10 August and ends at 24:00 on the 10th.
const PUBLISHED = new Date("2026-08-03T07:00:00Z");
const ENDS = new Date("2026-08-10T16:00:00Z");
const GROUNDS = "拟中选单位申报材料中的业绩证明与实际情况不符，请核查其合同原件。";
const pdf = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "业绩核查.pdf", { type: "application/pdf" });

async function inNotice(options: Parameters<typeof evaluatedScenario>[1] = {}) {
  const s = await evaluatedScenario(db, options);
  const officer = actorOf(s.officer, "officer");
  const key = { id: s.scenario.id, departmentId: s.department.id };
  const decision = await awards.proposeAward(officer, key, { winnerIds: [s.proposals[0]!.id], note: "" });
  const published = await awards.publishNotice(officer, key, PUBLISHED);
  const objector = actorOf(s.proposals[3]!.member, "vendor_member");
  return { s, officer, key, decision, published, objector, admin: actorOf(s.admin, "admin") };
}

const statusOf = async (id: string) => (await db.scenario.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const proposalStatuses = async (ids: string[]) =>
  Promise.all(ids.map(async (id) => (await db.proposal.findUniqueOrThrow({ where: { id }, select: { status: true } })).status));

describe("award decision and notice", () => {
  it("shortlists the winner and the next best, publishes a notice counted in Beijing calendar days and schedules its end", async () => {
    const { s, published, decision } = await inNotice();
    expect(published.endsAt.toISOString()).toBe(ENDS.toISOString());
    expect(await statusOf(s.scenario.id)).toBe("notice");
    expect(await proposalStatuses(s.proposals.map((p) => p.id))).toEqual(["shortlisted", "shortlisted", "shortlisted", "not_selected"]);
    const jobs = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notice-end' AND data->>'decisionId' = $1`, decision.id);
    expect(Number(jobs[0]!.n)).toBe(1);
    expect(registry.DEADLINES.map((d) => d.name)).toContain("notice-end");
  });

  it("a pending objection blocks finalisation; once dismissed the award is final, once", async () => {
    const { s, officer, decision, objector, admin } = await inNotice();
    const filed = await objections.fileObjection(objector, s.scenario.id, { grounds: GROUNDS, files: [pdf()] }, new Date(PUBLISHED.getTime() + DAY));
    expect(filed.reference).toMatch(/^YY-2026-\d{4}$/);
    expect(await db.attachment.count({ where: { objectionId: filed.id } })).toBe(1);

    const after = new Date(ENDS.getTime() + MIN);
    expect(await finalise.finaliseAward(decision.id, after)).toBe(false);
    await noticeEnd.noticeEndDeadline.sweep.run(after);
    expect(await statusOf(s.scenario.id)).toBe("notice");
    await objections.answerObjection(officer, filed.id, "经核查，拟中选单位提供的合同原件与申报一致。");
    // Answered is still pending: the admin has not decided.
    await registry.runDeadlineJob(noticeEnd.noticeEndDeadline, { decisionId: decision.id }, after);
    expect(await statusOf(s.scenario.id)).toBe("notice");

    await objections.decideObjection(admin, filed.id, "dismissed", "异议所称业绩问题经核实不存在。", new Date(ENDS.getTime() + 2 * MIN));
    expect(await statusOf(s.scenario.id)).toBe("in_delivery");
    expect(await proposalStatuses(s.proposals.map((p) => p.id))).toEqual(["awarded", "shortlisted", "shortlisted", "not_selected"]);

    // The job, a retry and the sweep all find nothing more to do.
    expect(await finalise.finaliseAward(decision.id, new Date(ENDS.getTime() + 3 * MIN))).toBe(false);
    await registry.runDeadlineJob(noticeEnd.noticeEndDeadline, { decisionId: decision.id }, new Date(ENDS.getTime() + 3 * MIN));
    await noticeEnd.noticeEndDeadline.sweep.run(new Date(ENDS.getTime() + 4 * MIN));
    expect(await db.auditEvent.count({ where: { entityId: s.scenario.id, action: "scenario.award" } })).toBe(1);

    await drainEvents();
    const winner = s.proposals[0]!.member;
    expect(await db.notification.count({ where: { userId: winner.id, kind: "award.finalised" } })).toBe(1);
    const loserMail = await db.mail.findFirstOrThrow({ where: { to: s.proposals[3]!.member.email, template: "not-selected" }, select: { text: true } });
    // Own scores per criterion against the average, and the justifications without evaluator names.
    expect(loserMail.text).toContain("技术方案");
    expect(loserMail.text).toContain("专家 1");
    expect(loserMail.text).not.toContain("王教授");
    const objectorNotes = await db.notification.findMany({ where: { userId: objector.id }, select: { kind: true } });
    expect(objectorNotes.map((n) => n.kind)).toEqual(expect.arrayContaining(["objection.filed", "objection.answered", "objection.decided"]));
  });

  it("an upheld objection sends the decision back; the revised decision's notice starts again from its own publication", async () => {
    const { s, officer, key, decision, objector, admin } = await inNotice();
    const filed = await objections.fileObjection(objector, s.scenario.id, { grounds: GROUNDS, files: [] }, new Date(PUBLISHED.getTime() + 2 * DAY));
    await objections.answerObjection(officer, filed.id, "拟中选单位的部分业绩合同尚未验收。");
    await objections.decideObjection(admin, filed.id, "upheld", "业绩证明不实，须重新定标。", new Date(PUBLISHED.getTime() + 3 * DAY));
    expect(await statusOf(s.scenario.id)).toBe("evaluating");
    expect((await db.awardDecision.findUniqueOrThrow({ where: { id: decision.id }, select: { status: true } })).status).toBe("withdrawn");
    expect(await proposalStatuses(s.proposals.map((p) => p.id))).toEqual(["under_review", "under_review", "under_review", "under_review"]);
    // The old notice's end no longer finalises anything.
    expect(await finalise.finaliseAward(decision.id, new Date(ENDS.getTime() + MIN))).toBe(false);

    // The department passes over the first-ranked proposal, with reasons, and publishes anew.
    const second = await awards.proposeAward(officer, key, { winnerIds: [s.proposals[1]!.id], note: "第一名业绩证明不实，依异议处理结果由第二名递补。" });
    expect(second.round).toBe(2);
    const republished = new Date(PUBLISHED.getTime() + 4 * DAY);
    const period = await awards.publishNotice(officer, key, republished);
    expect(period.endsAt.toISOString()).toBe(new Date(ENDS.getTime() + 4 * DAY).toISOString());
    expect(await finalise.finaliseAward(second.id, new Date(ENDS.getTime() + MIN))).toBe(false);
    expect(await finalise.finaliseAward(second.id, new Date(period.endsAt.getTime() + MIN))).toBe(true);
    expect(await statusOf(s.scenario.id)).toBe("in_delivery");
    expect(await proposalStatuses(s.proposals.map((p) => p.id))).toEqual(["shortlisted", "awarded", "shortlisted", "not_selected"]);
  });

  it("objections are refused outside the period and from organisations that did not propose", async () => {
    const { s, objector } = await inNotice();
    await expect(objections.fileObjection(objector, s.scenario.id, { grounds: GROUNDS, files: [] }, new Date(ENDS.getTime() + 1))).rejects.toMatchObject({ label: "aw.o.closed", status: 409 });
    const outsider = await createUser(db, "vendor");
    await expect(objections.fileObjection(actorOf(outsider, "vendor_member"), s.scenario.id, { grounds: GROUNDS, files: [] }, new Date(PUBLISHED.getTime() + DAY))).rejects.toMatchObject({ label: "aw.o.notEligible", status: 403 });
    expect(await db.objection.count({ where: { scenarioId: s.scenario.id } })).toBe(0);
  });

  it("a worker killed while finalising leaves nothing half-done, and the next run finalises exactly once", async () => {
    const { s, decision } = await inNotice();
    // Make the finalising transaction stall after it has moved the scenario to awarded, so the
    // worker can be killed with work done but not committed.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION stall_delivery() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER stall_delivery BEFORE UPDATE ON "Scenario" FOR EACH ROW WHEN (NEW.status = 'in_delivery') EXECUTE FUNCTION stall_delivery()`);
    const after = new Date(ENDS.getTime() + MIN);
    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/finalise-child.ts", decision.id, after.toISOString()], { env: process.env, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let i = 0; ; i++) {
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`);
      if (Number(rows[0]!.n) > 0) break;
      if (i > 300) throw new Error("the child never reached the stalled update");
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGKILL");
    await exited;
    // Waits for the dead worker's transaction to be rolled back (it holds the Scenario row).
    await db.$executeRawUnsafe(`DROP TRIGGER stall_delivery ON "Scenario"`);
    expect(await statusOf(s.scenario.id)).toBe("notice");
    expect(await db.auditEvent.count({ where: { entityId: s.scenario.id, action: "scenario.award" } })).toBe(0);

    // The restarted worker's sweep finalises it (other tests' notices may end with it); then nothing is left.
    expect(await noticeEnd.noticeEndDeadline.sweep.run(after)).toBeGreaterThanOrEqual(1);
    expect(await noticeEnd.noticeEndDeadline.sweep.run(after)).toBe(0);
    expect(await statusOf(s.scenario.id)).toBe("in_delivery");
    const events = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'event-fan-out' AND data->>'event' = 'award.finalised' AND data->>'entityId' = $1`, decision.id);
    expect(Number(events[0]!.n)).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: s.scenario.id, action: { in: ["scenario.award", "scenario.deliver"] } } })).toBe(2);
  });
});
