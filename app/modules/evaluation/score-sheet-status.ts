import type { ScenarioStatus, ScoreSheetStatus } from "~/generated/prisma/enums";
import { AppError } from "~/utils/errors.server";

/**
 * The score sheet's lifecycle as data (DESIGN §4.11): a draft is edited and autosaved; submitting
 * locks it; only the department reopens a submitted sheet (with a written reason), which makes it a
 * draft again. Nothing else writes ScoreSheet.status; the commands update conditionally on the
 * status they read, so the loser of a race (or a replayed post) gets a 409.
 */
export const SHEET_TRANSITIONS: Readonly<Record<ScoreSheetStatus, readonly ScoreSheetStatus[]>> = {
  draft: ["submitted"],
  submitted: ["draft"],
};

export function canSheetTransition(from: ScoreSheetStatus, to: ScoreSheetStatus): boolean {
  return SHEET_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertSheetTransition(from: ScoreSheetStatus, to: ScoreSheetStatus): void {
  if (!canSheetTransition(from, to)) throw new AppError(from === "submitted" ? "es.locked" : "error.conflict", 409, { from, to });
}

/** Only a draft takes scores; a submitted sheet is locked. */
export function isSheetEditable(status: ScoreSheetStatus): boolean {
  return status === "draft";
}

/** Only submitted sheets count in the aggregation and the progress. */
export function isSheetCounted(status: ScoreSheetStatus): boolean {
  return status === "submitted";
}

/**
 * Sheets are written, submitted and reopened only while the scenario is closed or in evaluation;
 * once an award is proposed the scores that led to it stay as they are.
 */
export function isScoringOpen(scenarioStatus: ScenarioStatus): boolean {
  return scenarioStatus === "closed" || scenarioStatus === "evaluating";
}
