import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { scenarioTitle } from "./scenario-head.server";

// What every evaluation event reads of its assignment: never a proposal or a vendor, so no notice
// can reveal who proposed (blind review).
export const assignmentHeadSelect = {
  id: true, status: true, dueAt: true, declineReason: true, evaluatorId: true, scenarioId: true,
  evaluator: { select: { name: true } },
  scenario: { select: { id: true, code: true, title: true, titleEn: true, departmentId: true } },
} as const;

export function loadAssignmentHead(id: string) {
  return db.evaluationAssignment.findUnique({ where: { id }, select: assignmentHeadSelect });
}

export type AssignmentHead = NonNullable<Awaited<ReturnType<typeof loadAssignmentHead>>>;

export function headTitle(a: AssignmentHead, locale: Locale): string {
  return scenarioTitle(a.scenario, locale);
}

export function dueText(dueAt: Date | string, locale: Locale): string {
  return formatDateTime(dueAt, locale);
}
