import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";
import { drainEvents } from "../fixtures/drain-events";

// 竞争截止时间的两次递交、编辑同一草稿的两名成员：都在真实数据库上跑，时钟通过 `now` 注入。
// Two submissions racing the deadline, two editors of one draft: real database, injected clock.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let cmd: typeof import("../../app/modules/proposals/proposal-commands.server");
let close: typeof import("../../app/modules/proposals/close-scenarios.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  cmd = await import("../../app/modules/proposals/proposal-commands.server");
  close = await import("../../app/modules/proposals/close-scenarios.server");
});
afterAll(() => cleanup?.());

const input = {
  technicalApproach: "## 技术路线\n多源数据融合。", team: "张伟（负责人）", budgetRequest: 150, relevantCases: "",
  milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "原型系统", evidence: "演示视频" }], consortiumMembers: [],
};

async function setup() {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id });
  const { deadline } = await db.scenario.findUniqueOrThrow({ where: { id: scenario.id }, select: { deadline: true } });
  const vendor = await createOrganisation(db, "vendor");
  const a = await createUser(db, "vendor", { orgId: vendor.id });
  const b = await createUser(db, "vendor", { orgId: vendor.id });
  const actor = (u: typeof a) => ({ ...u, locale: "zh-CN" });
  return { scenario, deadline, key: { orgId: vendor.id, scenarioId: scenario.id }, a: actor(a), b: actor(b) };
}

describe("the deadline, by server time", () => {
  it("two submissions racing the deadline: the one at deadline−ε is accepted, the one a second late is refused", async () => {
    const { deadline, key, a } = await setup();
    const early = new Date(deadline.getTime() - 1);
    await cmd.saveDraft(a, key, 0, input, { now: early });
    const [onTime, late] = await Promise.allSettled([
      cmd.submitProposal(a, key, early),
      cmd.submitProposal(a, key, new Date(deadline.getTime() + 1000)),
    ]);
    expect(onTime.status).toBe("fulfilled");
    expect(late).toMatchObject({ status: "rejected", reason: { label: "pv.deadlinePassed", status: 422 } });
    expect(await db.proposalSubmission.count({ where: { proposal: key } })).toBe(1);
    // 回执事件与递交在同一事务中，后台据此寄出回执。 The receipt event committed with the submission; the worker mails it.
    const sub = await db.proposalSubmission.findFirstOrThrow({ where: { proposal: key } });
    await drainEvents();
    expect(await db.mail.count({ where: { template: "proposal-receipt", to: a.email, idempotencyKey: { contains: sub.id } } })).toBe(1);
    // …and the same receipt is in the submitter's notification list.
    expect(await db.notification.count({ where: { kind: "proposal.submitted", dedupeKey: { contains: sub.id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "proposal", action: "proposal.submit" } })).toBeGreaterThan(0);
  });

  it("exactly at the deadline is on time; saving, withdrawing and resubmitting one second late are refused", async () => {
    const { deadline, key, a } = await setup();
    await cmd.saveDraft(a, key, 0, input, { now: deadline });
    const receipt = await cmd.submitProposal(a, key, deadline);
    expect(receipt.number).toBe(1);
    expect(receipt.digest).toMatch(/^[0-9a-f]{64}$/);
    const late = new Date(deadline.getTime() + 1000);
    await expect(cmd.withdrawProposal(a, key, late)).rejects.toMatchObject({ label: "pv.deadlinePassed" });
    await expect(cmd.saveDraft(a, key, 2, input, { now: late })).rejects.toMatchObject({ label: "pv.deadlinePassed" });
    await expect(cmd.submitProposal(a, key, late)).rejects.toMatchObject({ label: "pv.deadlinePassed" });
  });

  it("withdraw and resubmit before the deadline: numbered submissions, the latest counts, closing moves it to review", async () => {
    const { deadline, key, a, scenario } = await setup();
    const t = new Date(deadline.getTime() - 60_000);
    const draft = await cmd.saveDraft(a, key, 0, input, { now: t });
    const first = await cmd.submitProposal(a, key, t);
    await cmd.withdrawProposal(a, key, t);
    expect((await db.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: key } })).status).toBe("withdrawn");
    const current = await db.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: key }, select: { version: true } });
    await cmd.saveDraft(a, key, current.version, { ...input, team: "张伟、李娜" }, { now: t });
    const second = await cmd.submitProposal(a, key, t);
    expect(draft.version).toBe(1);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.digest).not.toBe(first.digest);

    expect(await close.closeScenario(scenario.id, t)).toBe(false); // 未到截止不关闭 Not before the deadline
    expect(await close.closeScenario(scenario.id, new Date(deadline.getTime() + 1000))).toBe(true);
    expect(await close.closeScenario(scenario.id, new Date(deadline.getTime() + 2000))).toBe(false); // idempotent
    const row = await db.scenario.findUniqueOrThrow({ where: { id: scenario.id }, select: { status: true, closedAt: true } });
    expect(row.status).toBe("closed");
    expect(row.closedAt).not.toBeNull();
    expect((await db.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: key } })).status).toBe("under_review");
    expect(await db.auditEvent.count({ where: { entityId: scenario.id, action: "scenario.close" } })).toBe(1);
  });
});

describe("two editors of one draft", () => {
  it("both saving the same version: one wins, the other gets 409 error.conflict", async () => {
    const { key, a, b } = await setup();
    const draft = await cmd.saveDraft(a, key, 0, input);
    const results = await Promise.allSettled([
      cmd.saveDraft(a, key, draft.version, { ...input, team: "A 的版本" }),
      cmd.saveDraft(b, key, draft.version, { ...input, team: "B 的版本" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ reason: { label: "error.conflict", status: 409 } });
    const row = await db.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: key } });
    expect(row.version).toBe(draft.version + 1);
    expect(["A 的版本", "B 的版本"]).toContain(row.team);
  });

  it("two members starting the draft at once: one creates it, the other gets 409", async () => {
    const { key, a, b } = await setup();
    const results = await Promise.allSettled([cmd.saveDraft(a, key, 0, input), cmd.saveDraft(b, key, 0, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { label: "error.conflict", status: 409 } });
  });
});
