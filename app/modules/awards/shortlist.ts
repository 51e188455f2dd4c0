import type { RankedProposal } from "./decision-rules";

// 公示的候选名单：拟中选者加上排名最前的申报，共不少于 3 名（与招标投标公示中标候选人“不超过三名”的做法一致）。
// The published shortlist: the winners plus the best-ranked scored proposals, at least SHORTLIST_SIZE
// in all (public procurement in China names up to three candidates). Proposals outside it are not
// named on the notice; their vendors learn their own scores privately.
export const SHORTLIST_SIZE = 3;

export function shortlistOf(ranked: RankedProposal[], winnerIds: string[]): string[] {
  const size = Math.max(SHORTLIST_SIZE, winnerIds.length);
  const ids = new Set(winnerIds);
  for (const r of ranked) {
    if (ids.size >= size) break;
    if (r.score !== null) ids.add(r.proposalId);
  }
  // In rank order, winners included wherever they rank.
  return ranked.filter((r) => ids.has(r.proposalId)).map((r) => r.proposalId);
}
