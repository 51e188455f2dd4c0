import type { AwardDecisionStatus } from "~/generated/prisma/enums";

/**
 * The award decision's lifecycle: proposed → in_notice (the notice is published) → final (the
 * notice ended, nothing pending). A decision sent back (an upheld objection) is withdrawn; the
 * department's next decision is a new round.
 */
export const DECISION_TRANSITIONS: Readonly<Record<AwardDecisionStatus, readonly AwardDecisionStatus[]>> = {
  proposed: ["in_notice", "withdrawn"],
  in_notice: ["final", "withdrawn"],
  final: [],
  withdrawn: [],
};

/** The decision of a scenario that is still live (at most one per scenario). */
export const LIVE_DECISION_STATUSES = ["proposed", "in_notice"] as const satisfies readonly AwardDecisionStatus[];
/** Decisions the public sees: published notices, current or past. */
export const PUBLIC_DECISION_STATUSES = ["in_notice", "final", "withdrawn"] as const satisfies readonly AwardDecisionStatus[];

export function canMoveDecision(from: AwardDecisionStatus, to: AwardDecisionStatus): boolean {
  return DECISION_TRANSITIONS[from]?.includes(to) ?? false;
}
