import type { ProposalStatus } from "~/generated/prisma/enums";

/**
 * The proposal lifecycle (SPEC §4) as data. Statuses are only ever named here; queries, access
 * rules and routes use the named checks and lists below instead of copying status lists.
 * - submitted → submitted is a resubmission of changed content before the deadline.
 * - shortlisted / not_selected → under_review: the decision is sent back (e.g. an upheld objection).
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  draft: ["submitted"],
  submitted: ["submitted", "withdrawn", "under_review"],
  withdrawn: ["submitted"],
  under_review: ["shortlisted", "not_selected"],
  shortlisted: ["awarded", "not_selected", "under_review"],
  not_selected: ["under_review"],
  awarded: [],
};

/** The vendor may still change the content (before the deadline). */
export const EDITABLE_STATUSES = ["draft", "submitted", "withdrawn"] as const satisfies readonly ProposalStatus[];
/** Handed in and not withdrawn: counts for the department, evaluation and statistics. */
export const COUNTED_STATUSES = ["submitted", "under_review", "shortlisted", "awarded", "not_selected"] as const satisfies readonly ProposalStatus[];
/** In the evaluation (after the scenario closed). */
export const IN_REVIEW_STATUSES = ["under_review", "shortlisted", "awarded", "not_selected"] as const satisfies readonly ProposalStatus[];
/** Placed by an award decision that is not final: an upheld objection sends these back under review. */
export const DECIDED_STATUSES = ["shortlisted", "not_selected"] as const satisfies readonly ProposalStatus[];
/** Still in the call, from the vendor's side: drafting, or handed in and not withdrawn. */
export const FOLLOWING_STATUSES = ["draft", ...COUNTED_STATUSES] as const satisfies readonly ProposalStatus[];
/** Never handed in, or taken back: its files stay the vendor's own to change. */
export const UNDELIVERED_STATUSES = ["draft", "withdrawn"] as const satisfies readonly ProposalStatus[];

const has = (list: readonly ProposalStatus[], status: ProposalStatus) => list.includes(status);

export const isEditable = (status: ProposalStatus) => has(EDITABLE_STATUSES, status);
export const isCounted = (status: ProposalStatus) => has(COUNTED_STATUSES, status);
export const isInReview = (status: ProposalStatus) => has(IN_REVIEW_STATUSES, status);
export const isUndelivered = (status: ProposalStatus) => has(UNDELIVERED_STATUSES, status);
/** A receipt exists for the latest content. */
export const hasCurrentReceipt = (status: ProposalStatus) => status === "submitted" || status === "under_review";
export const canWithdraw = (status: ProposalStatus) => canMoveProposal(status, "withdrawn");
export const canSubmit = (status: ProposalStatus) => canMoveProposal(status, "submitted");

export function canMoveProposal(from: ProposalStatus, to: ProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[from]?.includes(to) ?? false;
}
