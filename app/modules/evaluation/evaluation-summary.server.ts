import type { AssignmentStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { rankProposals, type ProposalResult, type ProposalSheets } from "./aggregate";
import { listCriteria, toCriterionDefs } from "./criteria.server";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";
import { labelOrder, labelsInOrder } from "./proposal-labels.server";
import { isSheetCounted } from "./score-sheet-status";

/**
 * The department's evaluation summary (SPEC §4; issue 8 item 7). Every number comes from
 * aggregate.ts (rankProposals) over the sheets that count:
 * - submitted sheets only (drafts are the evaluator's own business),
 * - of accepted assignments (a removed or declining evaluator's sheets do not count),
 * - whose declaration on that proposal is cleared (no conflict, or an admin override).
 * Progress: an evaluator is expected to submit one sheet per proposal under review, less the
 * proposals they are conflicted on. "Ready for a decision" when every active evaluator has accepted
 * and submitted every expected sheet (no status changes here; the award decision is the next step).
 * The department sees who proposed and who scored, also in blind review: blindness is for evaluators.
 */

// Assignments still in play: invited ones are expected to accept; declined and removed ones are out.
const ACTIVE_ASSIGNMENTS: readonly AssignmentStatus[] = ["invited", "accepted"];

type Declaration = { proposalId: string; conflicted: boolean; overriddenById: string | null };
const cleared = (d: Declaration | undefined) => !!d && (!d.conflicted || d.overriddenById !== null);
const conflicted = (d: Declaration | undefined) => !!d && d.conflicted && d.overriddenById === null;

async function loadScenarioRows(scenarioId: string) {
  const [scenario, criteria, proposals, assignments] = await Promise.all([
    db.scenario.findUniqueOrThrow({
      where: { id: scenarioId },
      select: { id: true, code: true, title: true, status: true, blindReview: true, evaluationDueAt: true, departmentId: true },
    }),
    listCriteria(scenarioId),
    db.proposal.findMany({
      where: { scenarioId, status: { in: [...READABLE_BY_EVALUATORS] } },
      select: { id: true, status: true, org: { select: { id: true, name: true } } },
      orderBy: labelOrder,
    }),
    db.evaluationAssignment.findMany({
      where: { scenarioId, status: { in: [...ACTIVE_ASSIGNMENTS] } },
      select: {
        id: true, status: true, dueAt: true,
        evaluator: { select: { id: true, name: true } },
        declarations: { select: { proposalId: true, conflicted: true, overriddenById: true } },
        sheets: {
          select: {
            id: true, proposalId: true, status: true, comment: true, submittedAt: true, reopenedAt: true,
            scores: { select: { criterionId: true, value: true, justification: true } },
          },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { scenario, criteria, proposals, assignments };
}

export async function getEvaluationSummary(scenarioId: string, now = new Date()) {
  const { scenario, criteria, proposals, assignments } = await loadScenarioRows(scenarioId);
  const labels = labelsInOrder(proposals);
  const proposalIds = new Set(proposals.map((p) => p.id));

  // The sheets that count, per proposal, in the shape aggregate.ts takes.
  type CountedSheet = { sheetId: string; evaluatorId: string; evaluatorName: string; comment: string; submittedAt: string | null; scores: { criterionId: string; value: number; justification: string }[] };
  const counted = new Map<string, CountedSheet[]>(proposals.map((p) => [p.id, []]));
  const progress = assignments.map((a) => {
    const byProposal = new Map(a.declarations.map((d) => [d.proposalId, d]));
    const expected = proposals.filter((p) => !conflicted(byProposal.get(p.id))).length;
    let submitted = 0;
    for (const sheet of a.sheets) {
      if (!proposalIds.has(sheet.proposalId) || !isSheetCounted(sheet.status) || a.status !== "accepted" || !cleared(byProposal.get(sheet.proposalId))) continue;
      submitted += 1;
      counted.get(sheet.proposalId)!.push({
        sheetId: sheet.id, evaluatorId: a.evaluator.id, evaluatorName: a.evaluator.name, comment: sheet.comment,
        submittedAt: sheet.submittedAt?.toISOString() ?? null,
        scores: sheet.scores.map((s) => ({ criterionId: s.criterionId, value: s.value ?? 0, justification: s.justification })),
      });
    }
    const drafts = a.sheets.filter((s) => proposalIds.has(s.proposalId) && !isSheetCounted(s.status)).length;
    return {
      assignmentId: a.id, evaluatorId: a.evaluator.id, evaluatorName: a.evaluator.name, status: a.status,
      dueAt: a.dueAt.toISOString(), expected, submitted, drafts,
      conflicts: proposals.length - expected,
      overdue: now.getTime() > a.dueAt.getTime() && submitted < expected,
      done: a.status === "accepted" && submitted >= expected,
    };
  });

  const defs = toCriterionDefs(criteria);
  const input: ProposalSheets[] = proposals.map((p) => ({
    proposalId: p.id,
    sheets: counted.get(p.id)!.map((s) => ({ evaluatorId: s.evaluatorId, scores: Object.fromEntries(s.scores.map((x) => [x.criterionId, x.value])) })),
  }));
  const ranked = rankProposals(defs, input);
  const proposalById = new Map(proposals.map((p) => [p.id, p]));
  const results = ranked.map((r: ProposalResult) => {
    const p = proposalById.get(r.proposalId)!;
    const sheets = counted.get(r.proposalId)!;
    return {
      proposalId: r.proposalId, label: labels.get(r.proposalId) ?? "?", orgId: p.org.id, orgName: p.org.name, status: p.status,
      rank: r.rank, method: r.method, score: r.score,
      // Mean score on each criterion's own scale (aggregate.ts gives the share of the maximum).
      criterionMeans: criteria.map((c) => ({ criterionId: c.id, mean: sheets.length ? Math.round((r.criterionMeans[c.id] ?? 0) * c.maxScore * 100) / 100 : null })),
      spread: r.spread,
      sheets: sheets.map((s) => ({ ...s, total: r.sheetTotals.find((t) => t.evaluatorId === s.evaluatorId)?.total ?? 0 })),
    };
  });

  const ready = proposals.length > 0 && progress.length > 0 && progress.every((p) => p.done);
  return {
    scenario: {
      id: scenario.id, code: scenario.code, title: scenario.title, status: scenario.status, blindReview: scenario.blindReview,
      evaluationDueAt: scenario.evaluationDueAt?.toISOString() ?? null,
    },
    criteria,
    results,
    progress,
    ready,
    totals: { proposals: proposals.length, expected: progress.reduce((n, p) => n + p.expected, 0), submitted: progress.reduce((n, p) => n + p.submitted, 0) },
  };
}
export type EvaluationSummary = Awaited<ReturnType<typeof getEvaluationSummary>>;

