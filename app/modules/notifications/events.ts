import { z } from "zod";

// The names of the platform's events and the payload each carries in its job. A command announces
// an event with emitEvent(tx, name, entityId, data); the worker's fan-out looks the name up in the
// event registry (event-registry.server.ts) to find who hears about it and in which words.
//
// A payload carries only what the database cannot tell the worker later (e.g. which published
// version an amendment made); everything else is read when the event is fanned out.

export const EVENT_PAYLOADS = {
  "question.answered": z.object({}),
  "scenario.amended": z.object({ version: z.number().int().positive() }),
  "scenario.cancelled": z.object({}),
  "proposal.submitted": z.object({}),
  // Evaluation: the entity is the assignment. A reminder names its stage and the due date it was
  // sent for, so each stage of each due date is one notification and one mail per person.
  "evaluation.assigned": z.object({}),
  "evaluation.declined": z.object({}),
  "evaluation.reminder": z.object({ stage: z.enum(["two_days", "one_day"]), dueAt: z.string().datetime() }),
  // A sheet may be reopened more than once; each reopening is its own occurrence.
  "evaluation.sheet_reopened": z.object({ reopenedAt: z.string().datetime() }),
  // Award and notice: the entity is the award decision (one per round), or the objection.
  "award.noticePublished": z.object({}),
  "award.finalised": z.object({}),
  "award.notSelected": z.object({}),
  "objection.filed": z.object({}),
  "objection.answered": z.object({}),
  "objection.awaitingOutcome": z.object({}),
  "objection.decided": z.object({}),
  // 挂帅 delivery: the entity is the milestone; a milestone is submitted, returned and decided more
  // than once, so each round is its own occurrence.
  "milestone.submitted": z.object({ round: z.number().int().positive() }),
  "milestone.accepted": z.object({}),
  // The reasons travel with the event: a resubmission clears them from the milestone before the
  // worker may run.
  "milestone.returned": z.object({ round: z.number().int().positive(), reason: z.string().min(1).max(2000) }),
  "milestone.reminder": z.object({ dueAt: z.string().datetime() }),
  "milestone.overdue": z.object({ dueAt: z.string().datetime() }),
  // 赛马: the entity is the gate; every team of the gate hears whether it continues.
  "gate.decided": z.object({}),
  // The verification queue's decision, told to the organisation's members. Each decision is its own
  // occurrence (an organisation may be rejected, fix its details, and be verified later).
  "organisation.verification_decided": z.object({ decision: z.enum(["verified", "rejected"]), decidedAt: z.string().datetime() }),
} as const;

export type EventName = keyof typeof EVENT_PAYLOADS;
export type EventData<E extends EventName> = z.infer<(typeof EVENT_PAYLOADS)[E]>;

export const EVENT_NAMES = Object.keys(EVENT_PAYLOADS) as [EventName, ...EventName[]];

/** The job a command enqueues: one per event, whatever the number of recipients. */
export type EventJob<E extends EventName = EventName> = { event: E; entityId: string; data: EventData<E> };

const envelope = z.object({ event: z.enum(EVENT_NAMES), entityId: z.string().min(1).max(200), data: z.unknown() });

/** Checks a job read back from the queue; throws on a payload that no current event accepts. */
export function parseEventJob(value: unknown): EventJob {
  const { event, entityId, data } = envelope.parse(value);
  return { event, entityId, data: EVENT_PAYLOADS[event].parse(data ?? {}) } as EventJob;
}
