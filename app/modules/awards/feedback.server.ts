import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { DECIDED_STATUSES } from "~/modules/proposals/proposal-status";
import { db } from "~/utils/db.server";

/**
 * 未中选反馈 (issue 11 item 4): for each proposal, its own mean score on each criterion against the
 * mean over all scored proposals, and the evaluators' written justifications — numbered per
 * proposal ("专家 1"), never named, in the order the sheets were submitted.
 */
export type ProposalFeedback = {
  proposalId: string;
  score: number | null;
  rank: number | null;
  of: number;
  criteria: { name: string; own: number | null; average: number | null; max: number }[];
  justifications: { evaluator: number; criterion: string; text: string }[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function feedbackByProposal(scenarioId: string): Promise<Map<string, ProposalFeedback>> {
  const summary = await getEvaluationSummary(scenarioId);
  const scored = summary.results.filter((r) => r.score !== null);
  const averages = new Map(summary.criteria.map((c) => {
    const means = scored.map((r) => r.criterionMeans.find((m) => m.criterionId === c.id)?.mean).filter((m): m is number => m != null);
    return [c.id, means.length ? round2(means.reduce((a, b) => a + b, 0) / means.length) : null];
  }));
  const names = new Map(summary.criteria.map((c) => [c.id, c.name]));
  const out = new Map<string, ProposalFeedback>();
  for (const r of summary.results) {
    const sheets = [...r.sheets].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""));
    out.set(r.proposalId, {
      proposalId: r.proposalId, score: r.score, rank: r.rank, of: scored.length,
      criteria: summary.criteria.map((c) => ({
        name: c.name, max: c.maxScore,
        own: r.criterionMeans.find((m) => m.criterionId === c.id)?.mean ?? null,
        average: averages.get(c.id) ?? null,
      })),
      justifications: sheets.flatMap((sheet, i) =>
        sheet.scores.filter((s) => s.justification.trim()).map((s) => ({ evaluator: i + 1, criterion: names.get(s.criterionId) ?? "", text: s.justification.trim() }))),
    });
  }
  return out;
}

/**
 * The feedback one organisation reads on its own proposal page: the same numbers and words as its
 * not-selected mail (award.notSelected), for the same proposals — shortlisted reserves and not
 * selected ones — and only once the award is final.
 *
 * Why not during the notice (公示): the public notice shows the shortlist's total scores and the
 * rubric, nothing per criterion and no average; the average per criterion is made of every other
 * proposal's scores, and a proposal off the shortlist has no public score at all. An upheld
 * objection may still send the evaluation back and change the scores. So before the decision is
 * final this returns null, exactly as the mail is not sent before then.
 *
 * Access per record: the proposal is looked up by the organisation and the scenario together, so
 * another organisation's proposal can never be reached through this function.
 */
export async function ownFeedback(orgId: string, scenarioId: string): Promise<(ProposalFeedback & { shortlisted: boolean }) | null> {
  const proposal = await db.proposal.findFirst({
    where: { orgId, scenarioId, status: { in: [...DECIDED_STATUSES] }, scenario: { awardDecisions: { some: { status: "final" } } } },
    select: { id: true, status: true },
  });
  if (!proposal) return null;
  const feedback = (await feedbackByProposal(scenarioId)).get(proposal.id);
  // A reserve candidate on the published shortlist is told so, as in the mail.
  return feedback ? { ...feedback, shortlisted: proposal.status === "shortlisted" } : null;
}
