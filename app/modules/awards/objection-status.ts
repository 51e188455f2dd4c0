import type { ObjectionStatus } from "~/generated/prisma/enums";

/**
 * 异议的状态机 / The objection lifecycle: filed → answered (the department's written answer) →
 * upheld or dismissed (the platform's admin, with reasons). Statuses are only named here.
 */
export const OBJECTION_TRANSITIONS: Readonly<Record<ObjectionStatus, readonly ObjectionStatus[]>> = {
  filed: ["answered"],
  answered: ["upheld", "dismissed"],
  upheld: [],
  dismissed: [],
};

/** Still waiting for an answer or an outcome: blocks the award's finalisation. */
export const PENDING_OBJECTION_STATUSES = ["filed", "answered"] as const satisfies readonly ObjectionStatus[];
export const isPendingObjection = (status: ObjectionStatus) => (PENDING_OBJECTION_STATUSES as readonly ObjectionStatus[]).includes(status);

export function canMoveObjection(from: ObjectionStatus, to: ObjectionStatus): boolean {
  return OBJECTION_TRANSITIONS[from]?.includes(to) ?? false;
}
