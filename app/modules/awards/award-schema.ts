import { z } from "zod";

// The award, objection and outcome forms. Messages are keys from locales/*/awards.ts.
const text = (min: number, max: number, short: string, long: string) =>
  z.string({ required_error: short, invalid_type_error: short }).trim().min(min, short).max(max, long);
const id = z.string({ required_error: "error.badRequest" }).trim().regex(/^[a-z0-9]{8,40}$/i, "error.badRequest");

export const ProposeSchema = z.object({
  intent: z.literal("propose"),
  // Checkboxes: none ticked arrives as no field at all.
  winnerIds: z.array(id).max(50, "error.badRequest").default([]),
  note: z.string().trim().max(2000, "aw.v.noteTooLong").optional().transform((v) => v ?? ""),
});
export const FailSchema = z.object({ intent: z.literal("fail"), reason: text(10, 2000, "aw.v.reasonShort", "aw.v.reasonTooLong") });
export const PublishSchema = z.object({ intent: z.literal("publish") });
export const AwardActionSchema = z.discriminatedUnion("intent", [ProposeSchema, FailSchema, PublishSchema], {
  errorMap: () => ({ message: "error.badRequest" }),
});

export const ObjectionSchema = z.object({ grounds: text(20, 5000, "aw.v.groundsShort", "aw.v.groundsTooLong") });
export const AnswerSchema = z.object({ objectionId: id, answer: text(10, 2000, "aw.v.reasonShort", "aw.v.reasonTooLong") });
export const OutcomeSchema = z.object({
  objectionId: id,
  outcome: z.enum(["upheld", "dismissed"], { errorMap: () => ({ message: "aw.v.outcome" }) }),
  reason: text(10, 2000, "aw.v.reasonShort", "aw.v.reasonTooLong"),
});
