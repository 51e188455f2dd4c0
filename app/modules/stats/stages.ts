import type { ScenarioStatus } from "~/generated/prisma/enums";
import { TRANSITIONS } from "~/modules/scenarios/scenario-status";

/**
 * The stages the statistics count, derived from the scenario state machine rather than copied
 * status lists: "awarded" is every status reachable from awarded (in delivery and completed
 * scenarios were awarded too); "delivered" is completed, the end of delivery.
 */
export const STAGES = ["published", "open", "awarded", "inDelivery", "delivered"] as const;
export type Stage = (typeof STAGES)[number];

function reachableFrom(start: ScenarioStatus): Set<ScenarioStatus> {
  const seen = new Set<ScenarioStatus>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of TRANSITIONS[queue.shift()!]) {
      // Cancelling ends a scenario without an award; a decision sent back re-enters evaluation.
      if (next === "cancelled" || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

const AWARDED = reachableFrom("awarded");

/** Which stages a public scenario counts in (every public one counts as published). */
export function stagesOf(status: ScenarioStatus): Stage[] {
  const stages: Stage[] = ["published"];
  if (status === "published") stages.push("open");
  if (AWARDED.has(status)) stages.push("awarded");
  if (status === "in_delivery") stages.push("inDelivery");
  if (status === "completed") stages.push("delivered");
  return stages;
}
