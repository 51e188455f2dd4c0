import type { Tx } from "~/utils/db.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import { EVENT_PAYLOADS, type EventData, type EventJob, type EventName } from "./events";

// Events with an empty payload need no data argument; the others must pass theirs.
type DataArg<E extends EventName> = Record<string, never> extends EventData<E> ? [data?: EventData<E>] : [data: EventData<E>];

/**
 * Announces an event inside the command's transaction: ONE job `{event, entityId, data}`, so the write
 * commits in the same time for one follower or thousands, and the event exists exactly when the change
 * does. The worker (fan-out.server.ts) resolves the recipients and renders notifications and mail.
 */
export async function emitEvent<E extends EventName>(tx: Tx, event: E, entityId: string, ...[data]: DataArg<E>): Promise<void> {
  const payload = EVENT_PAYLOADS[event].parse(data ?? {});
  const job = { event, entityId, data: payload } as EventJob<E>;
  await enqueue(tx, QUEUES.events, job);
}
