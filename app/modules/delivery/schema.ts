import { z } from "zod";

// The delivery forms' schemas. Messages are keys in app/locales/*/delivery.ts ("dl.").

const id = z.string({ required_error: "error.badRequest" }).trim().regex(/^[a-z0-9]{8,40}$/i, "error.badRequest");
const text = (min: number, max: number, tooShort: string) =>
  z.string({ required_error: tooShort }).trim().min(min, tooShort).max(max, "v.tooLong");


export const EvidenceSchema = z.object({
  intent: z.literal("evidence"),
  milestoneId: id,
  evidence: text(10, 5000, "dl.v.evidence"),
});

export const ReturnSchema = z.object({
  intent: z.literal("return"),
  milestoneId: id,
  reason: text(10, 2000, "dl.v.reason"),
  // Optional new date to resubmit by (YYYY-MM-DD, Beijing time); the old one stays when empty.
  dueDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "dl.v.date").optional().or(z.literal("").transform(() => undefined)),
});

export const AcceptSchema = z.object({
  intent: z.literal("accept"),
  milestoneId: id,
  note: z.string().trim().max(2000, "v.tooLong").optional().default(""),
  // Only for the last milestone: what the case page will say.
  solution: z.string().trim().max(3000, "v.tooLong").optional().default(""),
  results: z.array(z.string().trim().max(500, "v.tooLong")).max(40).optional().default([]),
});

// The case text alone: completing a delivery whose last milestone was accepted before its last gate.
export const CompleteSchema = z.object({
  intent: z.literal("complete"),
  solution: AcceptSchema.shape.solution,
  results: AcceptSchema.shape.results,
});

export const StartSchema = z.object({ intent: z.literal("start") });

export const GateDeclareSchema = z.object({
  intent: z.literal("declareGate"),
  name: text(2, 80, "dl.v.gateName"),
  dueDate: z.string({ required_error: "dl.v.date" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "dl.v.date"),
  metrics: z.string({ required_error: "dl.v.metrics" }).trim().min(1, "dl.v.metrics").max(2000, "v.tooLong")
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((list) => list.length >= 1 && list.length <= 8 && list.every((m) => m.length <= 80), "dl.v.metrics"),
  continuing: z.number({ required_error: "dl.v.continuing", invalid_type_error: "dl.v.continuing" }).int("dl.v.continuing").min(1, "dl.v.continuing").max(20, "dl.v.continuing"),
});

export const GateReportSchema = z.object({
  intent: z.literal("gateReport"),
  gateId: id,
  values: z.array(z.string().trim().min(1, "dl.v.metricValue").max(200, "v.tooLong"), { required_error: "dl.v.metricValue" }).min(1, "dl.v.metricValue").max(8),
  note: z.string().trim().max(2000, "v.tooLong").optional().default(""),
});

export const GateDecideSchema = z.object({
  intent: z.literal("decideGate"),
  gateId: id,
  continuing: z.array(id).optional().default([]),
  // One reason per team, keyed by the proposal id: reason-<proposalId>.
}).passthrough();
