import type { MilestoneStatus } from "~/generated/prisma/enums";

/**
 * The milestone lifecycle (SPEC §4 Delivery) as data. Statuses are only named here; routes, queries
 * and jobs use the checks below.
 * - planned / returned / overdue → submitted: the vendor hands in evidence (a returned or late
 *   milestone is resubmitted the same way).
 * - submitted → accepted | returned: the department decides; a return carries written reasons.
 * - planned / returned → overdue: the due date passed without evidence (the deadline job).
 * - accepted is final.
 */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = {
  planned: ["submitted", "overdue"],
  submitted: ["accepted", "returned"],
  returned: ["submitted", "overdue"],
  overdue: ["submitted"],
  accepted: [],
};

export const MILESTONE_STATUSES = Object.keys(MILESTONE_TRANSITIONS) as MilestoneStatus[];

export function canMoveMilestone(from: MilestoneStatus, to: MilestoneStatus): boolean {
  return MILESTONE_TRANSITIONS[from]?.includes(to) ?? false;
}

/** The vendor may hand in (or hand in again) evidence. */
export const canSubmitEvidence = (status: MilestoneStatus) => canMoveMilestone(status, "submitted");
/** Waiting for the department's decision. */
export const awaitsDecision = (status: MilestoneStatus) => status === "submitted";
/** Evidence is still owed, so the due date matters: reminders before it, the overdue flag after. */
export const OWED_STATUSES = ["planned", "returned"] as const satisfies readonly MilestoneStatus[];
export const isOwed = (status: MilestoneStatus) => (OWED_STATUSES as readonly MilestoneStatus[]).includes(status);
export const isAccepted = (status: MilestoneStatus) => status === "accepted";
