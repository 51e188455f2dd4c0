import type { AssignmentStatus } from "~/generated/prisma/enums";
import { isActiveAssignment } from "./assignment-status";

/**
 * When a scenario counts as staffed (SPEC §4: at least three evaluators). Every proposal under review
 * needs MIN_EVALUATORS invited-or-accepted evaluators who are not conflicted on it (a conflict an admin
 * overrode in writing does not exclude). The scenario's progress is its least-covered proposal: three
 * evaluators who are each conflicted on a different proposal do not staff it.
 */
export const MIN_EVALUATORS = 3;

export type StaffingAssignment = {
  status: AssignmentStatus;
  declarations: { proposalId: string; conflicted: boolean; overriddenById: string | null }[];
};

export type Staffing = { covered: number; required: number; staffed: boolean; perProposal: Record<string, number> };

export function excludes(d: { conflicted: boolean; overriddenById: string | null }): boolean {
  return d.conflicted && d.overriddenById === null;
}

export function staffing(proposalIds: readonly string[], assignments: readonly StaffingAssignment[]): Staffing {
  const active = assignments.filter((a) => isActiveAssignment(a.status));
  const perProposal: Record<string, number> = {};
  for (const id of proposalIds) {
    perProposal[id] = active.filter((a) => !a.declarations.some((d) => d.proposalId === id && excludes(d))).length;
  }
  // Before any proposal is known (none under review) the count of evaluators is all there is to show.
  const covered = proposalIds.length === 0 ? active.length : Math.min(...Object.values(perProposal));
  return { covered, required: MIN_EVALUATORS, staffed: covered >= MIN_EVALUATORS, perProposal };
}
