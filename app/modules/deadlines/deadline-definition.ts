import type { z } from "zod";
import type { QueueName } from "~/utils/jobs.server";

/**
 * One kind of deadline (proposal deadline, evaluation due date, notice period end, milestone due
 * date, digest times): its queue, the payload of a job scheduled for one record, the idempotent
 * handler of that job, and a windowed sweep on a cron that catches whatever a lost job, a moved
 * date or a stopped worker left behind. The worker registers every definition in the registry.
 */
export type DeadlineDefinition<P> = {
  name: string;
  queue: QueueName;
  payload: z.ZodType<P>;
  /** Acts on one record if its time has come; does nothing (and returns false) otherwise or a second time. */
  handle(payload: P, now: Date): Promise<boolean>;
  /** Singleton key of the job for one record and date, so rescheduling the same date adds nothing. */
  jobKey(payload: P, at: Date): string;
  sweep: { cron: string; run(now: Date): Promise<number> };
};

export type SweepJob = { sweep: true };

export function defineDeadline<P>(definition: DeadlineDefinition<P>): DeadlineDefinition<P> {
  return definition;
}
