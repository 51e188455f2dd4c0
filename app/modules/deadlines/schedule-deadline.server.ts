import type { Tx } from "~/utils/db.server";
import { enqueue } from "~/utils/jobs.server";
import type { DeadlineDefinition } from "./deadline-definition";

/** Schedules the job that acts on one record at `at`, inside the caller's transaction. */
export async function scheduleDeadline<P>(tx: Tx | null, definition: DeadlineDefinition<P>, payload: P, at: Date) {
  return enqueue(tx, definition.queue, definition.payload.parse(payload) as object, {
    startAfter: at,
    singletonKey: definition.jobKey(payload, at),
    singletonSeconds: 60,
  });
}
