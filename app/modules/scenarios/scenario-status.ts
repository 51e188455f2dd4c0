import type { ScenarioStatus } from "~/generated/prisma/enums";
import { AppError } from "~/utils/errors.server";

/**
 * The scenario lifecycle (SPEC §4) as data: every status change goes through assertTransition,
 * so a route cannot, say, publish a cancelled scenario by replaying a form.
 * - closed/evaluating → cancelled covers a call that fails (流标: no acceptable proposal).
 * - award_proposed/notice → evaluating: the decision is sent back, e.g. after an upheld objection.
 */
export const TRANSITIONS: Readonly<Record<ScenarioStatus, readonly ScenarioStatus[]>> = {
  draft: ["published", "cancelled"],
  published: ["closed", "cancelled"],
  closed: ["evaluating", "cancelled"],
  evaluating: ["award_proposed", "cancelled"],
  award_proposed: ["notice", "evaluating"],
  notice: ["awarded", "evaluating"],
  awarded: ["in_delivery"],
  in_delivery: ["completed"],
  completed: [],
  cancelled: [],
};

export const SCENARIO_STATUS_ORDER = Object.keys(TRANSITIONS) as ScenarioStatus[];

export function canTransition(from: ScenarioStatus, to: ScenarioStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertTransition(from: ScenarioStatus, to: ScenarioStatus): void {
  if (!canTransition(from, to)) throw new AppError("sv.transition", 409, { from, to });
}

// Content can be edited freely only as a draft; once published it changes only by a versioned amendment.
export function canEdit(status: ScenarioStatus): boolean {
  return status === "draft";
}

export function canAmend(status: ScenarioStatus): boolean {
  return status === "published";
}

export function assertAmendable(status: ScenarioStatus): void {
  if (!canAmend(status)) throw new AppError("sv.transition", 409, { from: status, to: "published" });
}

/** Public once it has been published; a draft cancelled before publication stays private. */
export function isPublic(scenario: { status: ScenarioStatus; publishedAt: Date | string | null }): boolean {
  return scenario.status !== "draft" && scenario.publishedAt != null;
}

/**
 * Results the public can read about: awarded, in delivery (挂帅), completed (a delivered case). The home
 * page lists them, so a status the award and delivery work adds later joins here, not in a query.
 */
export const RESULT_STATUSES = ["awarded", "in_delivery", "completed"] as const satisfies readonly ScenarioStatus[];

/** Open for questions and proposals. */
export const OPEN_STATUS = "published" as const satisfies ScenarioStatus;

/** Delivered and accepted: the scenario is a published case (典型案例). */
export const DELIVERED_STATUS = "completed" as const satisfies ScenarioStatus;
