import { db, type Tx } from "~/utils/db.server";
import type { ProposalWork } from "./assignment-progress";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";

type AssignmentRef = { id: string; scenarioId: string };

/**
 * Per assignment, each proposal under review of its scenario with the evaluator's declaration and
 * whether their score sheet is submitted. One query for any number of assignments.
 */
export async function workOfMany(assignments: readonly AssignmentRef[], client: Tx | typeof db = db): Promise<Map<string, ProposalWork[]>> {
  const ids = assignments.map((a) => a.id);
  const proposals = await client.proposal.findMany({
    where: { scenarioId: { in: [...new Set(assignments.map((a) => a.scenarioId))] }, status: { in: [...READABLE_BY_EVALUATORS] } },
    select: {
      id: true, scenarioId: true,
      declarations: { where: { assignmentId: { in: ids } }, select: { assignmentId: true, conflicted: true, overriddenById: true } },
      // Only a submitted sheet is finished work; a draft is still outstanding.
      scoreSheets: { where: { assignmentId: { in: ids }, status: "submitted" }, select: { assignmentId: true } },
    },
    orderBy: { id: "asc" },
  });
  const out = new Map<string, ProposalWork[]>();
  for (const a of assignments) {
    out.set(a.id, proposals.filter((p) => p.scenarioId === a.scenarioId).map((p) => {
      const d = p.declarations.find((x) => x.assignmentId === a.id);
      return {
        proposalId: p.id,
        declaration: d ? { conflicted: d.conflicted, overriddenById: d.overriddenById } : null,
        submitted: p.scoreSheets.some((s) => s.assignmentId === a.id),
      };
    }));
  }
  return out;
}
