import { z } from "zod";

/**
 * A proposal's `milestones` JSON ([{ name, dueDate, deliverable, evidence }], written by the vendor in
 * its proposal) as the delivery plan. Pure, so the unit tests pin the rules: rows without a name or
 * a readable date are skipped (a draft editor may leave empty rows), the plan is in date order, and
 * a date without a time means the end of that day in Beijing time (23:59:59 +08:00).
 */
export type PlannedMilestone = { position: number; name: string; dueAt: Date; deliverable: string; acceptanceEvidence: string };

const Row = z.object({
  name: z.string().trim().min(1).max(200),
  dueDate: z.string().trim().min(1),
  deliverable: z.string().trim().max(2000).optional().default(""),
  evidence: z.string().trim().max(2000).optional().default(""),
}).passthrough();

export function dueInstant(value: string): Date | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59+08:00` : value;
  const at = new Date(day);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function planFromProposal(milestones: unknown): PlannedMilestone[] {
  const rows = Array.isArray(milestones) ? milestones : [];
  const plan: Omit<PlannedMilestone, "position">[] = [];
  for (const raw of rows) {
    const parsed = Row.safeParse(raw);
    if (!parsed.success) continue;
    const dueAt = dueInstant(parsed.data.dueDate);
    if (!dueAt) continue;
    plan.push({ name: parsed.data.name, dueAt, deliverable: parsed.data.deliverable, acceptanceEvidence: parsed.data.evidence });
  }
  plan.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return plan.map((m, i) => ({ ...m, position: i + 1 }));
}
