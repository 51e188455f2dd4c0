import { z } from "zod";
import { remindAssignment, sweepReminders } from "~/modules/evaluation/evaluation-reminders.server";
import { reminderTimes } from "~/modules/evaluation/reminder-stage";
import type { Tx } from "~/utils/db.server";
import { QUEUES } from "~/utils/jobs.server";
import { defineDeadline } from "./deadline-definition";
import { scheduleDeadline } from "./schedule-deadline.server";

// 评审截止提醒：截止前两天与前一天，提醒仍有未提交评分表的评审专家；另有每十分钟一次的巡检。
// The evaluation due date: reminders two days and one day before it to evaluators with work left,
// as exact jobs scheduled when they are assigned (or the date moves), plus a sweep every ten minutes.
const payload = z.object({ assignmentId: z.string().min(1) });

export const evaluationDueDeadline = defineDeadline({
  name: "evaluation-due",
  queue: QUEUES.evaluationDue,
  payload,
  jobKey: (p, at) => `evaluation-due:${p.assignmentId}:${at.getTime()}`,
  handle: (p, now) => remindAssignment(p.assignmentId, now),
  sweep: { cron: "*/10 * * * *", run: (now) => sweepReminders(now) },
});

/** Schedules both reminders of one assignment (past instants are left to the sweep). */
export async function scheduleEvaluationReminders(tx: Tx | null, assignment: { id: string; dueAt: Date }, now = new Date()): Promise<void> {
  for (const at of reminderTimes(assignment.dueAt)) {
    if (at.getTime() > now.getTime()) await scheduleDeadline(tx, evaluationDueDeadline, { assignmentId: assignment.id }, at);
  }
}
