import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meilisearch } from "meilisearch";
import { useAppDatabase } from "../setup/app-database";
import { useSearch } from "../setup/search-test";
import { drainEvents } from "../fixtures/drain-events";
import { awardedScenario, day } from "../fixtures/delivery";
import { actorOf } from "../fixtures/evaluation-assign";

// 挂帅 through the commands, on a real database and Meilisearch: startDelivery creates the plan, the
// milestone machine moves only through its table (a second decision is a 409, nothing changes), the
// due-date job flags overdue once however often it runs, and completion publishes a case that the
// cases index and the vendor's matching both know.
let cleanups: (() => Promise<void>)[] = [];
let db: typeof import("../../app/utils/db.server")["db"];
let start: typeof import("../../app/modules/delivery/start-delivery.server");
let commands: typeof import("../../app/modules/delivery/milestone-commands.server");
let gates: typeof import("../../app/modules/delivery/gate-commands.server");
let due: typeof import("../../app/modules/delivery/milestone-due.server");
let registry: typeof import("../../app/modules/deadlines/deadline-registry.server");
let sync: typeof import("../../search/sync.server");
let jobs: typeof import("../../app/utils/jobs.server");
let INDEXES: typeof import("../../search/client.server")["INDEXES"];
let client: Meilisearch;

beforeAll(async () => {
  const database = await useAppDatabase();
  const search = await useSearch();
  cleanups = [database.cleanup, search.cleanup];
  db = (await import("../../app/utils/db.server")).db;
  start = await import("../../app/modules/delivery/start-delivery.server");
  commands = await import("../../app/modules/delivery/milestone-commands.server");
  gates = await import("../../app/modules/delivery/gate-commands.server");
  due = await import("../../app/modules/delivery/milestone-due.server");
  registry = await import("../../app/modules/deadlines/deadline-registry.server");
  sync = await import("../../search/sync.server");
  jobs = await import("../../app/utils/jobs.server");
  ({ INDEXES } = await import("../../search/client.server"));
  client = (await import("../../search/client.server")).meili();
});
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function drainSync(): Promise<void> {
  const boss = await jobs.startBoss();
  for (;;) {
    const batch = await boss.fetch(jobs.QUEUES.searchSync, { batchSize: sync.SYNC_BATCH_SIZE });
    if (!batch.length) return;
    await sync.syncSearch(batch.map((j) => j.data), { db });
    await boss.complete(jobs.QUEUES.searchSync, batch.map((j) => j.id));
  }
}

async function delivering(options: Parameters<typeof awardedScenario>[1] = {}) {
  const s = await awardedScenario(db, options);
  await db.$transaction((tx) => start.startDelivery(tx, s.scenario.id, { id: s.officer.id }));
  const officer = actorOf(s.officer, "officer");
  const key = { id: s.scenario.id, departmentId: s.department.id };
  const team = s.teams[0]!;
  const teamKey = { scenarioId: s.scenario.id, code: s.scenario.code, proposalId: team.proposalId, orgId: team.org.id };
  const vendor = actorOf(team.member, "vendor_member");
  const milestones = () => db.milestone.findMany({ where: { scenarioId: s.scenario.id }, orderBy: [{ proposalId: "asc" }, { position: "asc" }] });
  return { ...s, officer, key, teamKey, vendor, milestones };
}

const pdf = () => new File([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "测试报告.pdf", { type: "application/pdf" });

describe("startDelivery", () => {
  it("moves awarded → in_delivery and turns the awarded proposal's milestones into records, audited", async () => {
    const d = await delivering();
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id: d.scenario.id }, select: { status: true, deliveryStartedAt: true } });
    expect(scenario.status).toBe("in_delivery");
    expect(scenario.deliveryStartedAt).not.toBeNull();
    expect((await d.milestones()).map((m) => [m.position, m.name, m.status])).toEqual([[1, "知识库一期", "planned"], [2, "系统试运行", "planned"]]);
    expect(await db.auditEvent.count({ where: { entityId: d.scenario.id, action: "scenario.deliver" } })).toBe(1);
    // Twice is refused: the scenario is no longer awarded, and no second plan appears.
    await expect(db.$transaction((tx) => start.startDelivery(tx, d.scenario.id, null))).rejects.toMatchObject({ status: 409 });
    expect(await db.milestone.count({ where: { scenarioId: d.scenario.id } })).toBe(2);
  });
});

describe("the milestone machine through the commands", () => {
  it("submit → return with reasons → resubmit → accept, each audited and announced; bad moves are 409", async () => {
    const d = await delivering();
    const [first] = await d.milestones();
    // Nothing handed in: the department cannot accept.
    await expect(commands.acceptMilestone(d.officer, d.key, { milestoneId: first!.id, note: "", solution: "", results: [] })).rejects.toMatchObject({ status: 409 });

    await commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: first!.id, evidence: "知识库一期已上线，收录预案 1,240 份。" }, [pdf()]);
    await commands.returnMilestone(d.officer, d.key, { milestoneId: first!.id, reason: "测试报告缺少汛期高峰并发测试数据。", dueDate: day(40) });
    let row = await db.milestone.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row.status).toBe("returned");
    expect(row.returnReason).toBe("测试报告缺少汛期高峰并发测试数据。");
    // Returned twice at once: the second is a conflict and changes nothing.
    await expect(commands.returnMilestone(d.officer, d.key, { milestoneId: first!.id, reason: "第二次退回的理由写在这里。" })).rejects.toMatchObject({ status: 409 });

    await commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: first!.id, evidence: "补充了 500 并发下的压测报告。" }, []);
    const { completed } = await commands.acceptMilestone(d.officer, d.key, { milestoneId: first!.id, note: "通过", solution: "", results: [] });
    expect(completed).toBe(false);
    row = await db.milestone.findUniqueOrThrow({ where: { id: first!.id } });
    expect([row.status, row.submissions, row.returnReason]).toEqual(["accepted", 2, null]);
    expect(await db.attachment.count({ where: { milestoneId: first!.id } })).toBe(1);
    const actions = (await db.auditEvent.findMany({ where: { entityId: first!.id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["milestone.submit", "milestone.return", "milestone.submit", "milestone.accept"]);
    // Accepted is final.
    await expect(commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: first!.id, evidence: "再交一次成果说明。" }, [])).rejects.toMatchObject({ status: 409 });

    const sent = await drainEvents();
    expect(sent.notifications).toBeGreaterThanOrEqual(4);
    const kinds = await db.notification.findMany({ where: { data: { path: ["milestoneId"], equals: first!.id } }, select: { kind: true, userId: true } });
    expect(kinds.filter((k) => k.userId === d.officer.id).map((k) => k.kind).sort()).toEqual(["milestone.submitted", "milestone.submitted"]);
    expect(kinds.filter((k) => k.userId === d.vendor.id).map((k) => k.kind).sort()).toEqual(["milestone.accepted", "milestone.returned"]);
  });

  it("an outsider's milestone id is 404 and the row is unchanged", async () => {
    const d = await delivering();
    const other = await delivering();
    const [theirs] = await other.milestones();
    await expect(commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: theirs!.id, evidence: "不是我们的里程碑成果。" }, [])).rejects.toMatchObject({ status: 404 });
    await expect(commands.returnMilestone(d.officer, d.key, { milestoneId: theirs!.id, reason: "别的部门的里程碑退回。" })).rejects.toMatchObject({ status: 404 });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: theirs!.id } })).status).toBe("planned");
  });
});

describe("milestone due dates on the deadline registry", () => {
  it("is registered with the other deadlines", () => {
    expect(registry.DEADLINES.map((d) => d.name)).toContain("milestone-due");
  });

  it("reminds once, flags overdue once however often the job and the sweep run, and a late submission still works", async () => {
    const d = await delivering({ milestones: [{ name: "数据对接", dueDate: day(2) }] });
    const [m] = await d.milestones();
    const now = new Date();
    expect(await due.handleMilestoneDue(m!.id, now)).toBe(true);
    expect(await due.handleMilestoneDue(m!.id, now)).toBe(false);
    const after = new Date(m!.dueAt.getTime() + 60_000);
    const results = await Promise.all([due.handleMilestoneDue(m!.id, after), due.handleMilestoneDue(m!.id, after), due.sweepMilestonesDue(after)]);
    expect(results.filter((r) => r === true || r === 1)).toHaveLength(1);
    expect(await due.handleMilestoneDue(m!.id, after)).toBe(false);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m!.id } })).status).toBe("overdue");
    expect(await db.auditEvent.count({ where: { entityId: m!.id, action: "milestone.overdue" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: m!.id, action: "milestone.remind" } })).toBe(1);
    await drainEvents();
    expect(await db.notification.count({ where: { kind: "milestone.overdue", data: { path: ["milestoneId"], equals: m!.id } } })).toBe(2);
    await commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: m!.id, evidence: "延期完成的数据对接说明。" }, []);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m!.id } })).status).toBe("submitted");
  });
});

describe("completion", () => {
  it("the last acceptance needs the case text, then completes the scenario and publishes an indexed case", async () => {
    const d = await delivering({ milestones: [{ name: "处方前置审核上线", dueDate: day(20) }], sector: "healthcare", title: `处方前置审核 ${Date.now()}` });
    const [m] = await d.milestones();
    await commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: m!.id, evidence: "三家医院上线运行三个月的使用报告。" }, []);
    // Without the case text the acceptance is refused and nothing changes.
    await expect(commands.acceptMilestone(d.officer, d.key, { milestoneId: m!.id, note: "", solution: "短", results: ["96%"] })).rejects.toMatchObject({ status: 400 });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m!.id } })).status).toBe("submitted");

    const { completed } = await commands.acceptMilestone(d.officer, d.key, {
      milestoneId: m!.id, note: "验收通过", solution: "基于医学大模型的处方前置审核系统，门诊处方实时审核并提示用药风险。", results: ["准确率 96.4%", "平均 1.2 秒"],
    });
    expect(completed).toBe(true);
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id: d.scenario.id }, select: { status: true, completedAt: true, deliveredCase: { select: { id: true, results: true } } } });
    expect(scenario.status).toBe("completed");
    expect(scenario.deliveredCase?.results).toEqual([{ kpi: "问答准确率 ≥ 90%", result: "准确率 96.4%" }, { kpi: "平均响应 ≤ 3 秒", result: "平均 1.2 秒" }]);
    const pastCase = await db.pastCase.findFirstOrThrow({ where: { orgId: d.teamKey.orgId } });
    expect([pastCase.sector, pastCase.deliveredCaseId]).toEqual(["healthcare", scenario.deliveredCase!.id]);

    await drainSync();
    const hits = await client.index(INDEXES.cases).search<{ id: string; vendorNames: string[]; solution: string }>("处方前置审核");
    const hit = hits.hits.find((h) => h.id === d.scenario.id);
    expect(hit?.vendorNames).toEqual([d.teams[0]!.org.name]);
    expect(hit?.solution).toContain("医学大模型");
    const vendorDoc = await client.index(INDEXES.vendors).getDocument<{ pastCaseCount: number; pastCaseSectors: string[] }>(d.teamKey.orgId);
    expect(vendorDoc.pastCaseCount).toBe(1);
    expect(vendorDoc.pastCaseSectors).toEqual(["healthcare"]);

    // Matching knows it too: for a listing in the sector, the vendor's delivered case is named in the
    // explanation and adds its bonus to the score.
    const { vendorsForScenario } = await import("../../search/matching/vendors-for-scenario.server");
    const { DELIVERED_BONUS } = await import("../../search/matching/score");
    const likely = await vendorsForScenario(d.scenario.id);
    expect(likely.status).toBe("ok");
    const match = likely.status === "ok" ? likely.matches.find((m) => m.item.id === d.teamKey.orgId) : undefined;
    expect(match?.explanation.deliveredCases?.map((c) => c.title)).toEqual([pastCase.title]);
    expect(match?.score.deliveredBonus).toBe(DELIVERED_BONUS.first);
  });

  it("a horse race completes only when its gates are decided; stopped teams' milestones stop counting", async () => {
    const d = await delivering({ mechanism: "horse_race", teams: 2, milestones: [{ name: "原型验证", dueDate: day(10) }] });
    await gates.declareGate(d.officer, d.key, { name: "第一阶段 · 算法验证", dueDate: day(5), metrics: ["调度时延降低"], continuing: 1 });
    const gate = await db.stageGate.findFirstOrThrow({ where: { scenarioId: d.scenario.id } });
    const [winner, loser] = d.teams;
    await gates.reportGate(d.vendor, d.teamKey, { gateId: gate.id, values: ["23%"], note: "" }, []);
    await gates.reportGate(actorOf(loser!.member, "vendor_member"), { ...d.teamKey, proposalId: loser!.proposalId, orgId: loser!.org.id }, { gateId: gate.id, values: ["9%"], note: "" }, []);
    // Wrong count: both cannot continue when the gate declared one.
    await expect(gates.decideGate(d.officer, d.key, gate.id, [
      { proposalId: winner!.proposalId, continues: true, reason: "时延降低 23%" }, { proposalId: loser!.proposalId, continues: true, reason: "时延降低 9%" },
    ])).rejects.toMatchObject({ label: "dl.gate.count" });
    await gates.decideGate(d.officer, d.key, gate.id, [
      { proposalId: winner!.proposalId, continues: true, reason: "时延降低 23%，超过 15% 指标" }, { proposalId: loser!.proposalId, continues: false, reason: "时延降低 9%，低于 15% 指标" },
    ]);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: loser!.proposalId } })).eliminatedAt).not.toBeNull();
    await drainEvents();
    const mails = await db.mail.findMany({ where: { template: "gate-decision", to: { in: [winner!.member.email, loser!.member.email] } }, select: { to: true, subject: true } });
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.to === winner!.member.email)?.subject).toContain("晋级");

    const mine = (await d.milestones()).find((m) => m.proposalId === winner!.proposalId)!;
    await commands.submitEvidence(d.vendor, d.teamKey, { milestoneId: mine.id, evidence: "原型在郑州北站试运行的报告。" }, []);
    const { completed } = await commands.acceptMilestone(d.officer, d.key, {
      milestoneId: mine.id, note: "", solution: "多式联运智能调度原型，铁路与公路集装箱联运计划自动编排。", results: ["准确率 93%", "2.1 秒"],
    });
    expect(completed).toBe(true);
    const vendors = await db.pastCase.findMany({ where: { deliveredCase: { scenarioId: d.scenario.id } }, select: { orgId: true } });
    expect(vendors.map((v) => v.orgId)).toEqual([winner!.org.id]);
  });
});
