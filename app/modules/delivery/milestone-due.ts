import type { MilestoneStatus } from "~/generated/prisma/enums";
import { isOwed } from "./milestone-status";

/**
 * What a milestone's due date asks for at `now`. Pure: the deadline job and its sweep decide with
 * it and the unit tests pin the boundaries.
 * - "remind": evidence is still owed, the due date is at most REMIND_BEFORE_MS away and no reminder
 *   was sent since that window opened (a moved due date opens a new window).
 * - "overdue": evidence is still owed and the due date has passed.
 */
export const REMIND_BEFORE_MS = 3 * 86_400_000;

export type DueFacts = { status: MilestoneStatus; dueAt: Date; remindedAt: Date | null };

export function remindWindowStart(dueAt: Date): Date {
  return new Date(dueAt.getTime() - REMIND_BEFORE_MS);
}

export function dueAction(m: DueFacts, now: Date): "remind" | "overdue" | null {
  if (!isOwed(m.status)) return null;
  if (now.getTime() >= m.dueAt.getTime()) return "overdue";
  const opens = remindWindowStart(m.dueAt);
  if (now.getTime() < opens.getTime()) return null;
  if (m.remindedAt && m.remindedAt.getTime() >= opens.getTime()) return null;
  return "remind";
}

/** The instants at which the exact jobs of one due date run (the sweep covers any that are lost). */
export function dueJobTimes(dueAt: Date): Date[] {
  return [remindWindowStart(dueAt), dueAt];
}
