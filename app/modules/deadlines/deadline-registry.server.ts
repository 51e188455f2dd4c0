import type PgBoss from "pg-boss";
import type { DeadlineDefinition, SweepJob } from "./deadline-definition";
import { evaluationDueDeadline } from "./evaluation-due.deadline.server";
import { milestoneDueDeadline } from "./milestone-due.deadline.server";
import { scenarioCloseDeadline } from "./scenario-close.deadline.server";
import { dailyDigestDeadline, weeklyDigestDeadline } from "./digest.deadline.server";
import { noticeEndDeadline } from "./notice-end.deadline.server";

// Every deadline of the platform, in one list; the worker registers them all from here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DEADLINES: readonly DeadlineDefinition<any>[] = [
  scenarioCloseDeadline, evaluationDueDeadline, noticeEndDeadline, milestoneDueDeadline, dailyDigestDeadline, weeklyDigestDeadline,
];

function isSweep(data: unknown): data is SweepJob {
  return !!data && typeof data === "object" && (data as SweepJob).sweep === true;
}

export async function runDeadlineJob<P>(definition: DeadlineDefinition<P>, data: unknown, now = new Date()): Promise<void> {
  if (isSweep(data)) {
    await definition.sweep.run(now);
    return;
  }
  const parsed = definition.payload.safeParse(data);
  // A malformed job cannot succeed on retry; it is dropped with a log line instead of looping.
  if (!parsed.success) {
    console.error(`[deadlines] ${definition.name}: malformed job`, parsed.error.issues);
    return;
  }
  await definition.handle(parsed.data, now);
}

export async function registerDeadlines(boss: PgBoss): Promise<void> {
  for (const definition of DEADLINES) {
    await boss.schedule(definition.queue, definition.sweep.cron, { sweep: true } satisfies SweepJob, { tz: "Asia/Shanghai" });
    await boss.work(definition.queue, async (jobs) => {
      for (const job of jobs) await runDeadlineJob(definition, job.data);
    });
  }
}
