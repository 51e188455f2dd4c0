import type { ScenarioStatus } from "~/generated/prisma/enums";
import { canTransition } from "~/modules/scenarios/scenario-status";

/**
 * Which scenarios the assignment page acts on. Evaluators are assigned once the call has closed
 * (proposals unsealed, rubric frozen) and while it is being evaluated; the first assignment moves the
 * scenario closed → evaluating. Once a decision has been proposed the page only shows the record.
 */
export function acceptsAssignments(status: ScenarioStatus): boolean {
  return status === "evaluating" || (status === "closed" && canTransition(status, "evaluating"));
}

export function startsEvaluation(status: ScenarioStatus): boolean {
  return status === "closed";
}

/** Statuses after evaluation in which the page still shows who evaluated (read-only). */
export function showsEvaluationRecord(status: ScenarioStatus): boolean {
  return status === "award_proposed" || status === "notice" || status === "awarded" || status === "in_delivery" || status === "completed";
}
