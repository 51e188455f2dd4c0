import type { ScenarioStatus } from "~/generated/prisma/enums";
import { SCENARIO_STATUS_ORDER, canTransition } from "~/modules/scenarios/scenario-status";

// Which scenario statuses the award page deals with: a decision can be taken (evaluating), is
// waiting for or in its notice, or has been taken. A call cancelled (or failed) shows its reason.
export function canDecide(status: ScenarioStatus): boolean {
  return canTransition(status, "award_proposed");
}

export function canPublishNotice(status: ScenarioStatus): boolean {
  return canTransition(status, "notice");
}

export function hasAwardPage(status: ScenarioStatus): boolean {
  return SCENARIO_STATUS_ORDER.indexOf(status) >= SCENARIO_STATUS_ORDER.indexOf("evaluating") || status === "cancelled";
}
