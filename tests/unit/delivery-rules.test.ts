import { describe, expect, it } from "vitest";
import { caseResults, beijingYear, OVERALL_KPI, validSolution } from "../../app/modules/delivery/case-content";
import { checkDownSelection, checkNewGate, continuingCount, nextGate, type GateFacts } from "../../app/modules/delivery/gate-rules";
import { dueAction, dueJobTimes, REMIND_BEFORE_MS } from "../../app/modules/delivery/milestone-due";
import { planFromProposal } from "../../app/modules/delivery/milestone-plan";
import { MILESTONE_STATUSES, canMoveMilestone, canSubmitEvidence, isOwed } from "../../app/modules/delivery/milestone-status";
import { deliveredBonus, DELIVERED_BONUS, scoreMatch } from "../../search/matching/score";

// The delivery rules as pure functions: the milestone machine, its due dates, the plan read from a
// proposal, horse-race gate down-selection, the case's required content and the matching bonus.

describe("milestone state machine", () => {
  it("allows exactly the documented moves", () => {
    const moves = MILESTONE_STATUSES.flatMap((from) => MILESTONE_STATUSES.filter((to) => canMoveMilestone(from, to)).map((to) => `${from}→${to}`));
    expect(moves.sort()).toEqual([
      "overdue→submitted", "planned→overdue", "planned→submitted", "returned→overdue", "returned→submitted",
      "submitted→accepted", "submitted→returned",
    ].sort());
  });
  it("never leaves accepted, and accepts only what was submitted", () => {
    for (const to of MILESTONE_STATUSES) expect(canMoveMilestone("accepted", to)).toBe(false);
    for (const from of MILESTONE_STATUSES) expect(canMoveMilestone(from, "accepted")).toBe(from === "submitted");
  });
  it("lets the vendor (re)submit a planned, returned or overdue milestone only", () => {
    expect(MILESTONE_STATUSES.filter(canSubmitEvidence).sort()).toEqual(["overdue", "planned", "returned"]);
    expect(MILESTONE_STATUSES.filter(isOwed).sort()).toEqual(["planned", "returned"]);
  });
});

describe("milestone due dates", () => {
  const dueAt = new Date("2026-06-30T15:59:59Z");
  const at = (msBefore: number) => new Date(dueAt.getTime() - msBefore);
  it("reminds once inside the three-day window and flags overdue after the due date", () => {
    expect(dueAction({ status: "planned", dueAt, remindedAt: null }, at(REMIND_BEFORE_MS + 1000))).toBeNull();
    expect(dueAction({ status: "planned", dueAt, remindedAt: null }, at(REMIND_BEFORE_MS))).toBe("remind");
    expect(dueAction({ status: "planned", dueAt, remindedAt: at(3600_000) }, at(1000))).toBeNull();
    expect(dueAction({ status: "returned", dueAt, remindedAt: at(4 * 86_400_000) }, at(1000))).toBe("remind");
    expect(dueAction({ status: "planned", dueAt, remindedAt: at(1000) }, dueAt)).toBe("overdue");
  });
  it("does nothing for evidence handed in, accepted, or already overdue", () => {
    for (const status of ["submitted", "accepted", "overdue"] as const) expect(dueAction({ status, dueAt, remindedAt: null }, new Date(dueAt.getTime() + 1))).toBeNull();
  });
  it("schedules the reminder and the overdue check", () => {
    expect(dueJobTimes(dueAt)).toEqual([at(REMIND_BEFORE_MS), dueAt]);
  });
});

describe("the plan read from a proposal", () => {
  it("orders by date, numbers from 1, ends each day in Beijing time and skips unreadable rows", () => {
    const plan = planFromProposal([
      { name: "系统上线", dueDate: "2026-09-30", deliverable: "上线报告", evidence: "用户签收" },
      { name: "", dueDate: "2026-07-01" },
      { name: "需求确认", dueDate: "2026-06-15", deliverable: "需求说明书", evidence: "评审纪要" },
      { name: "坏日期", dueDate: "not a date" },
      "junk",
    ]);
    expect(plan.map((m) => [m.position, m.name])).toEqual([[1, "需求确认"], [2, "系统上线"]]);
    expect(plan[0]!.dueAt.toISOString()).toBe("2026-06-15T15:59:59.000Z");
    expect(plan[1]!.acceptanceEvidence).toBe("用户签收");
    expect(planFromProposal(null)).toEqual([]);
  });
});

describe("horse-race gate down-selection", () => {
  const now = new Date("2026-08-01T00:00:00Z");
  const gates: GateFacts[] = [
    { id: "g1", position: 1, dueAt: new Date("2026-07-31T00:00:00Z"), continuing: 2, decidedAt: null },
    { id: "g2", position: 2, dueAt: new Date("2026-10-31T00:00:00Z"), continuing: 1, decidedAt: null },
  ];
  const teams = ["a", "b", "c"];
  const ok = [
    { proposalId: "a", continues: true, reason: "时延降低 23%，超过指标" },
    { proposalId: "b", continues: true, reason: "准确率 96%，达标" },
    { proposalId: "c", continues: false, reason: "准确率 81%，低于 90% 指标" },
  ];
  it("accepts a complete decision with the declared number continuing", () => {
    expect(checkDownSelection(gates, "g1", teams, [], ok, now)).toEqual([]);
  });
  it("refuses the wrong number continuing, a missing team, a team not in the race, a bare reason", () => {
    expect(checkDownSelection(gates, "g1", teams, [], ok.map((d) => ({ ...d, continues: true })), now)).toContain("dl.gate.count");
    expect(checkDownSelection(gates, "g1", teams, [], ok.slice(0, 2), now)).toContain("dl.gate.missingTeam");
    expect(checkDownSelection(gates, "g1", teams, [], [...ok, { proposalId: "z", continues: false, reason: "不在赛队伍" }], now)).toContain("dl.gate.unknownTeam");
    expect(checkDownSelection(gates, "g1", teams, [], ok.map((d) => ({ ...d, reason: " 好 " })), now)).toContain("dl.gate.reasonShort");
  });
  it("decides gates in order, and before the date only when every team reported", () => {
    expect(checkDownSelection(gates, "g2", ["a"], [], [{ proposalId: "a", continues: true, reason: "唯一队伍晋级" }], now)).toEqual(["dl.gate.notNext"]);
    const early = new Date("2026-07-01T00:00:00Z");
    expect(checkDownSelection(gates, "g1", teams, ["a", "b"], ok, early)).toContain("dl.gate.tooEarly");
    expect(checkDownSelection(gates, "g1", teams, teams, ok, early)).toEqual([]);
    expect(checkDownSelection([{ ...gates[0]!, decidedAt: now }, gates[1]!], "g1", teams, [], ok, now)).toEqual(["dl.gate.decided"]);
  });
  it("the last gate leaves the winner(s); fewer teams left than declared all continue", () => {
    const decided = [{ ...gates[0]!, decidedAt: now }, gates[1]!];
    expect(nextGate(decided)?.id).toBe("g2");
    expect(continuingCount(gates[0]!, 1)).toBe(1);
    const last = [{ proposalId: "a", continues: true, reason: "综合指标第一" }, { proposalId: "b", continues: false, reason: "综合指标第二" }];
    expect(checkDownSelection(decided, "g2", ["a", "b"], [], last, new Date("2026-11-01T00:00:00Z"))).toEqual([]);
  });
  it("a new gate comes later and narrows the race", () => {
    expect(checkNewGate([], 3, { dueAt: now, continuing: 2 })).toEqual([]);
    expect(checkNewGate([], 3, { dueAt: now, continuing: 3 })).toEqual(["dl.gate.narrowing"]);
    expect(checkNewGate(gates, 3, { dueAt: new Date("2026-09-01T00:00:00Z"), continuing: 1 })).toEqual(["dl.gate.order", "dl.gate.narrowing"]);
  });
});

describe("the delivered case", () => {
  it("needs a result per KPI, or one overall result when the scenario listed none", () => {
    expect(caseResults({ kpis: ["准确率 ≥ 95%", "响应 ≤ 2 秒"] }, ["97.2%", "1.4 秒"])).toEqual([
      { kpi: "准确率 ≥ 95%", result: "97.2%" }, { kpi: "响应 ≤ 2 秒", result: "1.4 秒" },
    ]);
    expect(caseResults({ kpis: ["准确率 ≥ 95%", "响应 ≤ 2 秒"] }, ["97.2%"])).toBeNull();
    expect(caseResults({ kpis: ["准确率 ≥ 95%"] }, ["  "])).toBeNull();
    expect(caseResults({ kpis: [] }, ["上线三个月，覆盖全市 12 家医院"])).toEqual([{ kpi: OVERALL_KPI, result: "上线三个月，覆盖全市 12 家医院" }]);
    expect(validSolution("太短")).toBe(false);
    expect(validSolution("基于大模型的处方前置审核系统，覆盖门诊与急诊处方。")).toBe(true);
  });
  it("belongs to the Beijing calendar year", () => {
    expect(beijingYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(beijingYear(new Date("2026-12-31T15:00:00Z"))).toBe(2026);
  });
  it("counts in matching: +4 for the first delivered case in the sector, +2 more each, at most +8", () => {
    expect([0, 1, 2, 3, 5].map(deliveredBonus)).toEqual([0, DELIVERED_BONUS.first, 6, 8, DELIVERED_BONUS.max]);
  });
});

describe("delivered cases in the match score", () => {
  const explanation = {
    matchedTerms: [{ zh: "处方", en: "prescription" }], matchedProducts: [], sharedSectors: ["healthcare"], sharedTags: [],
    similarCases: [], districtMatch: false,
  };
  const overlap = { coverage: 0.4, focus: 0.4, strength: 1 };
  const claims = { sectors: 1, tags: 1, districts: 1 };
  it("ranks a vendor with a delivered case in the sector higher, by the bonus, and says so", () => {
    const plain = scoreMatch({ explanation, overlap, claims, listingTagCount: 0 });
    const proven = scoreMatch({ explanation: { ...explanation, deliveredCases: [{ title: "处方前置审核", year: 2026 }] }, overlap, claims, listingTagCount: 0 });
    expect(plain.aboveFloor).toBe(true);
    expect(proven.score - plain.score).toBe(DELIVERED_BONUS.first);
    expect(proven.deliveredBonus).toBe(DELIVERED_BONUS.first);
  });
  it("never lifts a match below the floor into view", () => {
    const weak = scoreMatch({ explanation: { ...explanation, deliveredCases: [{ title: "处方前置审核", year: 2026 }] }, overlap: { coverage: 0.01, focus: 0.01, strength: 0.1 }, claims, listingTagCount: 0 });
    expect(weak.aboveFloor).toBe(false);
    expect(weak.deliveredBonus).toBe(0);
  });
});
