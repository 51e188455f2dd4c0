import type { Mechanism } from "~/generated/prisma/enums";

/**
 * 定标规则（按揭榜机制）/ Who may be proposed for the award, by mechanism (SPEC §4, issue 11 item 1).
 * Pure: the evaluation summary's ranking in, the winners (or the reason none can be) out.
 * - 揭榜挂帅 open call: exactly one winner, the department's choice among the scored proposals; a
 *   choice other than the top-ranked one needs a written note (the notice shows it).
 * - 赛马 horse race: exactly `raceTeams` winners; any choice below the top N needs a note likewise.
 * - 定向委托 directed: the invited organisation's proposal, and only if its total reaches the pass
 *   mark the scenario declared; otherwise the call fails (流标).
 * Only scored proposals may win: a proposal nobody could score is no basis for an award.
 */
export type RankedProposal = { proposalId: string; orgId: string; score: number | null; rank: number | null };
export type DecisionScenario = { mechanism: Mechanism; raceTeams: number | null; passMark: number | null; invitedOrgIds: string[] };

export type DecisionError =
  | "aw.v.noWinner" | "aw.v.oneWinner" | "aw.v.teamCount" | "aw.v.unscored" | "aw.v.unknownProposal"
  | "aw.v.notInvited" | "aw.v.belowPassMark" | "aw.v.noPassMark" | "aw.v.noteRequired" | "aw.v.duplicate";

export type DecisionResult = { ok: true; winnerIds: string[] } | { ok: false; error: DecisionError; context?: Record<string, number> };

/** How many winners a mechanism takes. */
export function winnersExpected(s: Pick<DecisionScenario, "mechanism" | "raceTeams">): number {
  return s.mechanism === "horse_race" ? Math.max(1, s.raceTeams ?? 1) : 1;
}

/** The proposals the rules would pick by rank alone (the form's default selection). */
export function defaultWinners(s: DecisionScenario, ranked: RankedProposal[]): string[] {
  const scored = ranked.filter((r) => r.score !== null);
  if (s.mechanism === "directed") {
    const invited = scored.filter((r) => s.invitedOrgIds.includes(r.orgId));
    return invited.slice(0, 1).filter((r) => s.passMark !== null && r.score! >= s.passMark).map((r) => r.proposalId);
  }
  return scored.slice(0, winnersExpected(s)).map((r) => r.proposalId);
}

export function checkDecision(s: DecisionScenario, ranked: RankedProposal[], chosen: string[], note: string): DecisionResult {
  const unique = new Set(chosen);
  if (unique.size !== chosen.length) return { ok: false, error: "aw.v.duplicate" };
  if (chosen.length === 0) return { ok: false, error: "aw.v.noWinner" };
  const byId = new Map(ranked.map((r) => [r.proposalId, r]));
  for (const id of chosen) {
    const row = byId.get(id);
    if (!row) return { ok: false, error: "aw.v.unknownProposal" };
    if (row.score === null) return { ok: false, error: "aw.v.unscored" };
  }
  if (s.mechanism === "directed") {
    if (chosen.length !== 1) return { ok: false, error: "aw.v.oneWinner" };
    const row = byId.get(chosen[0]!)!;
    if (!s.invitedOrgIds.includes(row.orgId)) return { ok: false, error: "aw.v.notInvited" };
    if (s.passMark === null) return { ok: false, error: "aw.v.noPassMark" };
    if (row.score! < s.passMark) return { ok: false, error: "aw.v.belowPassMark", context: { score: row.score!, passMark: s.passMark } };
    return { ok: true, winnerIds: chosen };
  }
  const n = winnersExpected(s);
  if (chosen.length !== n) return { ok: false, error: s.mechanism === "horse_race" ? "aw.v.teamCount" : "aw.v.oneWinner", context: { n } };
  // Passing over a better-ranked proposal is allowed, but never silently.
  const byRank = defaultWinners(s, ranked);
  const followsRank = chosen.every((id) => byRank.includes(id));
  if (!followsRank && note.trim().length < 10) return { ok: false, error: "aw.v.noteRequired" };
  return { ok: true, winnerIds: chosen };
}
