/**
 * When an evaluator is reminded of an evaluation's due date: two days before it, and again one day
 * before it (the day before). Pure: the deadline job and its sweep decide with it, and the unit
 * tests pin the boundaries. After the due date nothing more is sent from here.
 */
export type ReminderStage = "two_days" | "one_day";

const DAY_MS = 86_400_000;

export const REMINDER_OFFSETS: readonly { stage: ReminderStage; beforeMs: number }[] = [
  { stage: "two_days", beforeMs: 2 * DAY_MS },
  { stage: "one_day", beforeMs: DAY_MS },
];

/** The stage `now` falls in, with the instant it began; null before the first and after the due date. */
export function reminderStage(dueAt: Date, now: Date): { stage: ReminderStage; startsAt: Date } | null {
  if (now.getTime() >= dueAt.getTime()) return null;
  for (const offset of [...REMINDER_OFFSETS].reverse()) {
    const startsAt = new Date(dueAt.getTime() - offset.beforeMs);
    if (now.getTime() >= startsAt.getTime()) return { stage: offset.stage, startsAt };
  }
  return null;
}

/** Whether the stage `now` falls in still has to be sent: nothing was sent since it began. */
export function reminderDue(a: { dueAt: Date; remindedAt: Date | null }, now: Date): { stage: ReminderStage; startsAt: Date } | null {
  const current = reminderStage(a.dueAt, now);
  if (!current) return null;
  if (a.remindedAt && a.remindedAt.getTime() >= current.startsAt.getTime()) return null;
  return current;
}

/** The instants at which the reminder jobs of one due date run. */
export function reminderTimes(dueAt: Date): Date[] {
  return REMINDER_OFFSETS.map((o) => new Date(dueAt.getTime() - o.beforeMs));
}
