import { z } from "zod";
import { fromShanghaiInput } from "~/modules/scenarios/scenario-dates";

// The forms of assignment and conflict declaration: one schema per form (DESIGN §4.2). Messages are
// locale keys from locales/*/evaluation-assign.ts ("ea.v." = validation).

export const REASON_MIN = 5;
export const OVERRIDE_REASON_MIN = 10;
export const REASON_MAX = 1000;

const REQUIRED = { required_error: "v.required", invalid_type_error: "v.required" };
const recordId = z.string(REQUIRED).trim().min(1, "v.required").max(64, "error.badRequest");

const dueAt = z.string(REQUIRED).transform((value, ctx) => {
  const date = fromShanghaiInput(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "sv.datetime" });
    return z.NEVER;
  }
  if (date.getTime() <= Date.now()) {
    ctx.addIssue({ code: "custom", message: "ea.v.duePast" });
    return z.NEVER;
  }
  return date;
});

export const SettingsSchema = z.object({
  intent: z.literal("settings"),
  dueAt,
  blindReview: z.boolean().optional().transform((v) => v ?? false),
});

export const AssignSchema = z.object({ intent: z.literal("assign"), evaluatorId: recordId });

export const OverrideSchema = z.object({
  intent: z.literal("override"),
  declarationId: recordId,
  reason: z.string({ required_error: "ea.v.overrideReason" }).trim().min(OVERRIDE_REASON_MIN, "ea.v.overrideReason").max(REASON_MAX, "v.tooLong"),
});

export const AcceptSchema = z.object({ intent: z.literal("accept") });

export const DeclineSchema = z.object({
  intent: z.literal("decline"),
  reason: z.string({ required_error: "ea.v.declineReason" }).trim().min(REASON_MIN, "ea.v.declineReason").max(REASON_MAX, "v.tooLong"),
});

export const DeclareSchema = z
  .object({
    intent: z.literal("declare"),
    proposalId: recordId,
    conflicted: z.enum(["yes", "no"], { errorMap: () => ({ message: "ea.v.declareChoice" }) }),
    reason: z.string().trim().max(REASON_MAX, "v.tooLong").optional().transform((v) => v ?? ""),
  })
  .superRefine((v, ctx) => {
    // A declared conflict must say what it is; "no conflict" needs no words.
    if (v.conflicted === "yes" && v.reason.length < REASON_MIN) ctx.addIssue({ code: "custom", path: ["reason"], message: "ea.v.conflictReason" });
  });

/** Which form a post came from; each is then parsed with its own schema. */
export function intentOf(formData: FormData): string {
  return String(formData.get("intent") ?? "");
}
