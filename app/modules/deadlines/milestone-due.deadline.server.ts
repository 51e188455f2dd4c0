import { z } from "zod";
import { handleMilestoneDue, sweepMilestonesDue } from "~/modules/delivery/milestone-due.server";
import { dueJobTimes } from "~/modules/delivery/milestone-due";
import type { Tx } from "~/utils/db.server";
import { QUEUES } from "~/utils/jobs.server";
import { defineDeadline } from "./deadline-definition";
import { scheduleDeadline } from "./schedule-deadline.server";

// 里程碑到期：到期前三天提醒揭榜方，逾期后标记“逾期”并通知双方；另有每十分钟一次的巡检。
// Milestone due dates: a reminder three days before, the overdue flag after, as exact jobs scheduled
// when delivery starts or a return sets a new date, plus a sweep every ten minutes.
const payload = z.object({ milestoneId: z.string().min(1) });

export const milestoneDueDeadline = defineDeadline({
  name: "milestone-due",
  queue: QUEUES.milestoneDue,
  payload,
  jobKey: (p, at) => `milestone-due:${p.milestoneId}:${at.getTime()}`,
  handle: (p, now) => handleMilestoneDue(p.milestoneId, now),
  sweep: { cron: "*/10 * * * *", run: (now) => sweepMilestonesDue(now) },
});

/** Schedules the reminder and the overdue check of one milestone (past instants are left to the sweep). */
export async function scheduleMilestoneDue(tx: Tx | null, milestone: { id: string; dueAt: Date }, now = new Date()): Promise<void> {
  for (const at of dueJobTimes(milestone.dueAt)) {
    if (at.getTime() > now.getTime()) await scheduleDeadline(tx, milestoneDueDeadline, { milestoneId: milestone.id }, at);
  }
}
