import { excludes } from "./staffing";

/**
 * Where one evaluator stands on one scenario: every proposal under review must be declared on; the
 * ones they are not conflicted on (or an admin cleared) must get a submitted score sheet. What is
 * left of that is "outstanding" — what the workspace groups by and the reminders count.
 */
export type ProposalWork = {
  proposalId: string;
  declaration: { conflicted: boolean; overriddenById: string | null } | null;
  submitted: boolean;
};

export type AssignmentProgress = {
  total: number;
  undeclared: number;
  excluded: number;
  toScore: number;
  submitted: number;
  outstanding: number;
};

export function assignmentProgress(work: readonly ProposalWork[]): AssignmentProgress {
  const undeclared = work.filter((w) => !w.declaration).length;
  const excluded = work.filter((w) => w.declaration && excludes(w.declaration)).length;
  const cleared = work.filter((w) => w.declaration && !excludes(w.declaration));
  const submitted = cleared.filter((w) => w.submitted).length;
  return {
    total: work.length,
    undeclared,
    excluded,
    toScore: cleared.length,
    submitted,
    outstanding: undeclared + cleared.length - submitted,
  };
}
