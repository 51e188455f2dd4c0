import { describe, expect, it } from "vitest";
import { checkDecision, defaultWinners, type DecisionScenario, type RankedProposal } from "../../app/modules/awards/decision-rules";
import { shortlistOf } from "../../app/modules/awards/shortlist";

// Ranked as the evaluation summary ranks them: a (88) > b (80) > c (72) > d (unscored).
const ranked: RankedProposal[] = [
  { proposalId: "a", orgId: "orgA", score: 88, rank: 1 },
  { proposalId: "b", orgId: "orgB", score: 80, rank: 2 },
  { proposalId: "c", orgId: "orgC", score: 72, rank: 3 },
  { proposalId: "d", orgId: "orgD", score: null, rank: null },
];
const open: DecisionScenario = { mechanism: "open_call", raceTeams: null, passMark: null, invitedOrgIds: [] };
const race: DecisionScenario = { mechanism: "horse_race", raceTeams: 2, passMark: null, invitedOrgIds: [] };
const directed = (passMark: number | null, invited = "orgB"): DecisionScenario => ({ mechanism: "directed", raceTeams: null, passMark, invitedOrgIds: [invited] });

describe("揭榜挂帅 open call: one winner", () => {
  it("takes the top-ranked proposal without a note", () => {
    expect(defaultWinners(open, ranked)).toEqual(["a"]);
    expect(checkDecision(open, ranked, ["a"], "")).toEqual({ ok: true, winnerIds: ["a"] });
  });
  it("refuses two winners, none, or an unscored or unknown proposal", () => {
    expect(checkDecision(open, ranked, ["a", "b"], "")).toMatchObject({ ok: false, error: "aw.v.oneWinner" });
    expect(checkDecision(open, ranked, [], "")).toMatchObject({ ok: false, error: "aw.v.noWinner" });
    expect(checkDecision(open, ranked, ["d"], "理由足够长的一段说明文字")).toMatchObject({ ok: false, error: "aw.v.unscored" });
    expect(checkDecision(open, ranked, ["x"], "")).toMatchObject({ ok: false, error: "aw.v.unknownProposal" });
    expect(checkDecision(open, ranked, ["a", "a"], "")).toMatchObject({ ok: false, error: "aw.v.duplicate" });
  });
  it("passes over the first-ranked proposal only with written reasons", () => {
    expect(checkDecision(open, ranked, ["b"], "")).toMatchObject({ ok: false, error: "aw.v.noteRequired" });
    expect(checkDecision(open, ranked, ["b"], "第一名资质证明过期，依规由第二名递补。")).toEqual({ ok: true, winnerIds: ["b"] });
  });
});

describe("赛马 horse race: the declared number of teams", () => {
  it("takes exactly raceTeams winners", () => {
    expect(defaultWinners(race, ranked)).toEqual(["a", "b"]);
    expect(checkDecision(race, ranked, ["a", "b"], "")).toEqual({ ok: true, winnerIds: ["a", "b"] });
    expect(checkDecision(race, ranked, ["a"], "")).toMatchObject({ ok: false, error: "aw.v.teamCount", context: { n: 2 } });
    expect(checkDecision(race, ranked, ["a", "b", "c"], "")).toMatchObject({ ok: false, error: "aw.v.teamCount" });
  });
  it("a choice outside the top N needs reasons", () => {
    expect(checkDecision(race, ranked, ["a", "c"], "")).toMatchObject({ ok: false, error: "aw.v.noteRequired" });
    expect(checkDecision(race, ranked, ["a", "c"], "乙方团队与甲方技术路线重复，赛马需要不同路线。")).toMatchObject({ ok: true });
  });
});

describe("定向委托 directed: the invited organisation, at or above the pass mark", () => {
  it("awards the invited organisation when it reaches the pass mark, whatever its rank", () => {
    expect(defaultWinners(directed(80), ranked)).toEqual(["b"]);
    expect(checkDecision(directed(80), ranked, ["b"], "")).toEqual({ ok: true, winnerIds: ["b"] });
  });
  it("refuses a score below the pass mark (the call fails instead)", () => {
    expect(defaultWinners(directed(80.5), ranked)).toEqual([]);
    expect(checkDecision(directed(80.5), ranked, ["b"], "")).toMatchObject({ ok: false, error: "aw.v.belowPassMark", context: { score: 80, passMark: 80.5 } });
  });
  it("refuses an organisation that was not invited, and a scenario without a pass mark", () => {
    expect(checkDecision(directed(60), ranked, ["a"], "理由足够长的一段说明文字")).toMatchObject({ ok: false, error: "aw.v.notInvited" });
    expect(checkDecision(directed(null), ranked, ["b"], "")).toMatchObject({ ok: false, error: "aw.v.noPassMark" });
  });
});

describe("the published shortlist", () => {
  it("is the winners plus the best-ranked scored proposals, at least three, in rank order", () => {
    expect(shortlistOf(ranked, ["a"])).toEqual(["a", "b", "c"]);
    expect(shortlistOf(ranked, ["c"])).toEqual(["a", "b", "c"]);
    expect(shortlistOf(ranked.slice(0, 2), ["b"])).toEqual(["a", "b"]);
    expect(shortlistOf([...ranked, { proposalId: "e", orgId: "orgE", score: 70, rank: 4 }], ["a", "b", "c", "e"])).toEqual(["a", "b", "c", "e"]);
  });
});
