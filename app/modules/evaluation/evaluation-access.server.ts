import type { Prisma } from "~/generated/prisma/client";
import type { ProposalStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";

/**
 * THE rule of what an evaluator may read (SPEC §4 "Evaluation"; DESIGN §4.15): a proposal's content,
 * files and score sheet reach an evaluator only through their own ACCEPTED assignment on the
 * proposal's scenario, only after they declared on that proposal with no conflict (or an admin
 * overrode a detected one in writing), and only once the proposal is under review or later (the
 * call has closed, so sealing no longer applies). Everybody else — another evaluator, an evaluator
 * who has not declared, a conflicted one — gets nothing, and the routes answer 404.
 */

/** Proposal statuses from which evaluators may read (never a draft, a sealed submission or a withdrawn one). */
export const READABLE_BY_EVALUATORS: readonly ProposalStatus[] = ["under_review", "shortlisted", "awarded", "not_selected"];

/** A declaration clears the evaluator when it says "no conflict", or an admin overrode it with a reason. */
export const clearedDeclaration = { OR: [{ conflicted: false }, { overriddenById: { not: null } }] } satisfies Prisma.ConflictDeclarationWhereInput;

/** The assignment condition for one evaluator: theirs, accepted. */
export function ownAcceptedAssignment(userId: string): Prisma.EvaluationAssignmentWhereInput {
  return { evaluatorId: userId, status: "accepted" };
}

/** Proposals of the assignment that the evaluator may read, as a `where` on Proposal. */
export function readableProposalsWhere(assignment: { id: string; scenarioId: string }): Prisma.ProposalWhereInput {
  return {
    scenarioId: assignment.scenarioId,
    status: { in: [...READABLE_BY_EVALUATORS] },
    declarations: { some: { assignmentId: assignment.id, ...clearedDeclaration } },
  };
}

export type EvaluatorGrant = { assignmentId: string; scenarioId: string; proposalId: string; dueAt: Date };

/**
 * The grant behind one page, file or command: the evaluator's own accepted assignment `assignmentId`
 * is on the scenario of proposal `proposalId`, and mayReadProposal allows it. Null otherwise (unknown
 * ids, someone else's assignment, not accepted, not declared, conflicted, not yet under review).
 */
export async function findEvaluatorGrant(userId: string, assignmentId: string, proposalId: string): Promise<EvaluatorGrant | null> {
  const assignment = await db.evaluationAssignment.findFirst({
    where: { id: assignmentId, ...ownAcceptedAssignment(userId), scenario: { proposals: { some: { id: proposalId } } } },
    select: { id: true, scenarioId: true, dueAt: true },
  });
  if (!assignment || !(await mayReadProposal(userId, proposalId))) return null;
  return { assignmentId: assignment.id, scenarioId: assignment.scenarioId, proposalId, dueAt: assignment.dueAt };
}

/** True only when the user may read the proposal as an evaluator (the rule above, whatever the assignment id). */
export async function mayReadProposal(userId: string, proposalId: string): Promise<boolean> {
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, status: { in: [...READABLE_BY_EVALUATORS] } },
    select: {
      scenarioId: true,
      declarations: { where: { ...clearedDeclaration, assignment: ownAcceptedAssignment(userId) }, select: { assignment: { select: { scenarioId: true } } } },
    },
  });
  // The declaration's assignment must be on the proposal's own scenario (a row pointing across scenarios grants nothing).
  return !!proposal && proposal.declarations.some((d) => d.assignment.scenarioId === proposal.scenarioId);
}
