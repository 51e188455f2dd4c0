import { z } from "zod";
import { finaliseAward } from "~/modules/awards/finalise-award.server";
import { db, type Tx } from "~/utils/db.server";
import { QUEUES } from "~/utils/jobs.server";
import { defineDeadline } from "./deadline-definition";
import { scheduleDeadline } from "./schedule-deadline.server";

// 公示期满：每个公示按截止时刻排一个任务，另有每分钟一次的巡检——也接住了“期满时尚有异议未处理、
// 处理完毕后才能定标”的情形。
// The end of a notice period: one job per decision at its end, plus a sweep every minute that
// finalises whatever has ended — which also catches a notice whose last objection was dismissed
// after the period ended, and jobs lost while no worker ran.
const SWEEP_BATCH = 100;

const payload = z.object({ decisionId: z.string().min(1) });

export const noticeEndDeadline = defineDeadline({
  name: "notice-end",
  queue: QUEUES.noticeEnd,
  payload,
  jobKey: (p, at) => `notice-end:${p.decisionId}:${at.getTime()}`,
  handle: (p, now) => finaliseAward(p.decisionId, now),
  sweep: {
    cron: "* * * * *",
    async run(now) {
      const due = await db.awardDecision.findMany({
        where: { status: "in_notice", noticeEndsAt: { lte: now } },
        select: { id: true }, orderBy: { noticeEndsAt: "asc" }, take: SWEEP_BATCH,
      });
      let finalised = 0;
      for (const { id } of due) if (await finaliseAward(id, now)) finalised++;
      return finalised;
    },
  },
});

/** Schedules the finalisation at the notice's end (when the notice is published). */
export function scheduleNoticeEnd(tx: Tx | null, decision: { id: string; noticeEndsAt: Date }) {
  return scheduleDeadline(tx, noticeEndDeadline, { decisionId: decision.id }, decision.noticeEndsAt);
}
