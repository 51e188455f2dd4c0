import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { awardedScenario, day } from "../fixtures/delivery";
import { actorOf } from "../fixtures/evaluation-assign";
import { callAction, callLoader, cookieFor } from "../fixtures/route-calls";

// A horse race (赛马) completes whichever comes last: the last milestone accepted (the acceptance
// carries the case text) or the last stage gate decided (the department then completes it from
// the delivery page with the same case text). Before, a gate decided last left the scenario in
// delivery for good.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let start: typeof import("../../app/modules/delivery/start-delivery.server");
let commands: typeof import("../../app/modules/delivery/milestone-commands.server");
let gates: typeof import("../../app/modules/delivery/gate-commands.server");
let completion: typeof import("../../app/modules/delivery/completion.server");
let route: typeof import("../../app/routes/department.scenarios.$id_.delivery");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  start = await import("../../app/modules/delivery/start-delivery.server");
  commands = await import("../../app/modules/delivery/milestone-commands.server");
  gates = await import("../../app/modules/delivery/gate-commands.server");
  completion = await import("../../app/modules/delivery/completion.server");
  route = await import("../../app/routes/department.scenarios.$id_.delivery");
});
afterAll(async () => {
  await cleanup?.();
});

const CASE = { solution: "多式联运智能调度原型，铁路与公路集装箱联运计划自动编排，调度时延降低 23%。", results: ["准确率 93%", "平均 2.1 秒"] };

/** A two-team race in delivery with one milestone each and one gate letting one team continue. */
async function race() {
  const s = await awardedScenario(db, { mechanism: "horse_race", teams: 2, milestones: [{ name: "原型验证", dueDate: day(10) }] });
  await db.$transaction((tx) => start.startDelivery(tx, s.scenario.id, { id: s.officer.id }));
  const officer = actorOf(s.officer, "officer");
  const key = { id: s.scenario.id, departmentId: s.department.id };
  await gates.declareGate(officer, key, { name: "第一阶段 · 算法验证", dueDate: day(5), metrics: ["调度时延降低"], continuing: 1 });
  const gate = await db.stageGate.findFirstOrThrow({ where: { scenarioId: s.scenario.id }, select: { id: true } });
  const [winner, loser] = s.teams.map((t) => ({
    ...t,
    vendor: actorOf(t.member, "vendor_member"),
    teamKey: { scenarioId: s.scenario.id, code: s.scenario.code, proposalId: t.proposalId, orgId: t.org.id },
  }));
  const milestoneOf = async (proposalId: string) => (await db.milestone.findFirstOrThrow({ where: { proposalId }, select: { id: true } })).id;
  const deliver = async (team: typeof winner) => {
    const id = await milestoneOf(team!.proposalId);
    await commands.submitEvidence(team!.vendor, team!.teamKey, { milestoneId: id, evidence: "原型在郑州北站试运行的报告。" }, []);
    return id;
  };
  const report = async () => {
    await gates.reportGate(winner!.vendor, winner!.teamKey, { gateId: gate.id, values: ["23%"], note: "" }, []);
    await gates.reportGate(loser!.vendor, loser!.teamKey, { gateId: gate.id, values: ["9%"], note: "" }, []);
  };
  const decide = () => gates.decideGate(officer, key, gate.id, [
    { proposalId: winner!.proposalId, continues: true, reason: "时延降低 23%，超过 15% 指标" },
    { proposalId: loser!.proposalId, continues: false, reason: "时延降低 9%，低于 15% 指标" },
  ]);
  const status = async () => (await db.scenario.findUniqueOrThrow({ where: { id: s.scenario.id }, select: { status: true } })).status;
  const caseVendors = async () => (await db.pastCase.findMany({ where: { deliveredCase: { scenarioId: s.scenario.id } }, select: { orgId: true } })).map((c) => c.orgId);
  return { ...s, officer, key, winner: winner!, loser: loser!, deliver, report, decide, status, caseVendors };
}

describe("a horse race completes in either order", () => {
  it("milestone accepted last: the acceptance completes it with the case text", async () => {
    const r = await race();
    await r.report();
    await r.decide();
    const mine = await r.deliver(r.winner);
    const { completed } = await commands.acceptMilestone(r.officer, r.key, { milestoneId: mine, note: "", ...CASE });
    expect(completed).toBe(true);
    expect(await r.status()).toBe("completed");
    expect(await r.caseVendors()).toEqual([r.winner.org.id]);
  });

  it("gate decided last, every milestone already accepted: the department completes it with the same case text, audited once", async () => {
    const r = await race();
    for (const team of [r.winner, r.loser]) {
      const id = await r.deliver(team);
      // The gate is still open: accepting does not complete and asks for no case text.
      expect(await commands.acceptMilestone(r.officer, r.key, { milestoneId: id, note: "", solution: "", results: [] })).toEqual({ completed: false });
    }
    // Not yet ready while the gate is open: a clear 409, nothing written.
    await expect(completion.completeReadyDelivery(r.officer, r.key, CASE)).rejects.toMatchObject({ status: 409, label: "dl.complete.notReady" });
    await r.report();
    expect(await r.decide()).toEqual({ readyToComplete: true });
    expect(await r.status()).toBe("in_delivery");

    // Same validation as the last acceptance: the case needs a solution and a result per KPI.
    await expect(completion.completeReadyDelivery(r.officer, r.key, { solution: "短", results: ["93%"] })).rejects.toMatchObject({ status: 400, label: "dl.v.caseFields" });
    expect(await db.deliveredCase.count({ where: { scenarioId: r.scenario.id } })).toBe(0);
    // Another department's officer cannot complete it: 404, nothing changes.
    const stranger = await awardedScenario(db);
    await expect(completion.completeReadyDelivery(actorOf(stranger.officer, "officer"), { id: r.scenario.id, departmentId: stranger.department.id }, CASE))
      .rejects.toMatchObject({ status: 404 });
    expect(await r.status()).toBe("in_delivery");

    await completion.completeReadyDelivery(r.officer, r.key, CASE);
    expect(await r.status()).toBe("completed");
    // Only the team still in the race delivered the case, although both teams' milestones were accepted.
    expect(await r.caseVendors()).toEqual([r.winner.org.id]);
    expect(await db.auditEvent.count({ where: { entityId: r.scenario.id, action: "scenario.complete" } })).toBe(1);
    // Twice is refused (the scenario is completed): 409, still one case.
    await expect(completion.completeReadyDelivery(r.officer, r.key, CASE)).rejects.toMatchObject({ status: 409 });
    expect(await db.deliveredCase.count({ where: { scenarioId: r.scenario.id } })).toBe(1);
  });

  it("a gate that stops the only team with open milestones leaves it ready to complete", async () => {
    const r = await race();
    const mine = await r.deliver(r.winner);
    await commands.acceptMilestone(r.officer, r.key, { milestoneId: mine, note: "", solution: "", results: [] });
    // The loser's milestone is still planned; the gate stops that team, so nothing open counts.
    await r.report();
    expect(await r.decide()).toEqual({ readyToComplete: true });
    await completion.completeReadyDelivery(r.officer, r.key, CASE);
    expect(await r.status()).toBe("completed");
    expect(await r.caseVendors()).toEqual([r.winner.org.id]);
  });
});

describe("the department delivery page", () => {
  it("offers the completion form only when the delivery would complete, and the form completes it", async () => {
    const r = await race();
    const cookie = await cookieFor(db, r.officer.id);
    const url = `/department/scenarios/${r.scenario.id}/delivery`;
    const params = { id: r.scenario.id };
    const completable = async () => ((await callLoader(route.loader, url, params, cookie)).body as { completable: boolean }).completable;

    const mine = await r.deliver(r.winner);
    await commands.acceptMilestone(r.officer, r.key, { milestoneId: mine, note: "", solution: "", results: [] });
    expect(await completable()).toBe(false);
    // Posted too early (the gate is open): a 409 with the form's message, not a server error.
    const early = await callAction(route.action, url, params, { intent: "complete", solution: CASE.solution, "results[0]": CASE.results[0]!, "results[1]": CASE.results[1]! }, cookie);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ formId: "complete", errors: { "": ["dl.complete.notReady"] } });

    await r.report();
    const decided = await callAction(route.action, url, params, {
      intent: "decideGate", gateId: (await db.stageGate.findFirstOrThrow({ where: { scenarioId: r.scenario.id } })).id, continuing: r.winner.proposalId,
      [`reason-${r.winner.proposalId}`]: "时延降低 23%，超过 15% 指标", [`reason-${r.loser.proposalId}`]: "时延降低 9%，低于 15% 指标",
    }, cookie);
    expect(decided.status).toBe(302);
    expect(await completable()).toBe(true);

    // Missing results: 400, what was typed comes back, still in delivery.
    const missing = await callAction(route.action, url, params, { intent: "complete", solution: CASE.solution, "results[0]": "", "results[1]": "" }, cookie);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ formId: "complete", values: { solution: CASE.solution } });
    expect(await r.status()).toBe("in_delivery");

    const done = await callAction(route.action, url, params, { intent: "complete", solution: CASE.solution, "results[0]": CASE.results[0]!, "results[1]": CASE.results[1]! }, cookie);
    expect(done.status).toBe(302);
    expect(done.response?.headers.get("Location")).toBe(url);
    expect(await r.status()).toBe("completed");
    expect(await completable()).toBe(false);
    const delivered = await db.deliveredCase.findUniqueOrThrow({ where: { scenarioId: r.scenario.id }, select: { solution: true, results: true } });
    expect(delivered).toEqual({ solution: CASE.solution, results: [{ kpi: "问答准确率 ≥ 90%", result: "准确率 93%" }, { kpi: "平均响应 ≤ 3 秒", result: "平均 2.1 秒" }] });
  });
});
