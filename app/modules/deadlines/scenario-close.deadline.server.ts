import { z } from "zod";
import { closeScenario } from "~/modules/proposals/close-scenarios.server";
import { db, type Tx } from "~/utils/db.server";
import { QUEUES } from "~/utils/jobs.server";
import { defineDeadline } from "./deadline-definition";
import { scheduleDeadline } from "./schedule-deadline.server";

// 截止即关闭：每个已发布场景按截止时间排一个任务，另有每分钟一次的巡检（双保险）。
// The proposal deadline: one job per scenario at its deadline, plus a sweep every minute that closes
// whatever is overdue and schedules exact jobs for the next two minutes.
const SWEEP_BATCH = 100;
const LOOKAHEAD_MS = 120_000;

const payload = z.object({ scenarioId: z.string().min(1) });

export const scenarioCloseDeadline = defineDeadline({
  name: "proposal-deadline",
  queue: QUEUES.scenarioDeadline,
  payload,
  jobKey: (p, at) => `scenario-close:${p.scenarioId}:${at.getTime()}`,
  handle: (p, now) => closeScenario(p.scenarioId, now),
  sweep: {
    cron: "* * * * *",
    async run(now) {
      const due = await db.scenario.findMany({
        where: { status: "published", deadline: { lte: now } },
        select: { id: true }, orderBy: { deadline: "asc" }, take: SWEEP_BATCH,
      });
      let closed = 0;
      for (const { id } of due) if (await closeScenario(id, now)) closed++;
      const upcoming = await db.scenario.findMany({
        where: { status: "published", deadline: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
        select: { id: true, deadline: true },
      });
      for (const s of upcoming) await scheduleScenarioClose(null, s);
      return closed;
    },
  },
});

/** Schedules the close at the deadline (on publishing, and when an amendment moves the deadline). */
export function scheduleScenarioClose(tx: Tx | null, scenario: { id: string; deadline: Date }) {
  return scheduleDeadline(tx, scenarioCloseDeadline, { scenarioId: scenario.id }, scenario.deadline);
}
