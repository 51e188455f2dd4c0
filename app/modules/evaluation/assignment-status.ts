import type { AssignmentStatus } from "~/generated/prisma/enums";
import { AppError } from "~/utils/errors.server";

/**
 * The evaluator assignment's lifecycle as data (DESIGN §4.11). An invitation is accepted or declined
 * by the expert (a decline is final: the department assigns someone else), or withdrawn by the
 * department; an accepted assignment can only be withdrawn. Nothing else writes the status column.
 */
export const ASSIGNMENT_TRANSITIONS: Readonly<Record<AssignmentStatus, readonly AssignmentStatus[]>> = {
  invited: ["accepted", "declined", "removed"],
  accepted: ["removed"],
  declined: [],
  removed: [],
};

export function canAssignmentTransition(from: AssignmentStatus, to: AssignmentStatus): boolean {
  return ASSIGNMENT_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertAssignmentTransition(from: AssignmentStatus, to: AssignmentStatus): void {
  if (!canAssignmentTransition(from, to)) throw new AppError("ea.error.assignmentState", 409, { from, to });
}

/** Assignments that still stand: they count towards staffing, the expert's load and reminders. */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ["invited", "accepted"];

export function isActiveAssignment(status: AssignmentStatus): boolean {
  return ACTIVE_ASSIGNMENT_STATUSES.includes(status);
}

/** Only an accepted assignment reaches the proposals (declarations first, then reading and scoring). */
export function opensProposals(status: AssignmentStatus): boolean {
  return status === "accepted";
}
