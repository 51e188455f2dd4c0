import { z } from "zod";
import { recordVersion } from "~/utils/record-version";

/**
 * The one schema of the score form (Conform posts `scores[i].criterionId|value|justification`,
 * `comment`, `version` and the button's `intent`). A draft may be partly filled; submitting needs a
 * score and a justification for every criterion. Every rule is checked in one pass, so the evaluator
 * sees all problems in one round trip. Messages are i18n keys ("es.v."), with a parameter after "@".
 */

export const SCORE_STEP = 0.5;
export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 2_000;
export const COMMENT_MAX = 5_000;

export const SHEET_INTENTS = ["save", "autosave", "submit"] as const;
export type SheetIntent = (typeof SHEET_INTENTS)[number];

export type ScoredCriterion = { id: string; maxScore: number };

// Characters as people count them: 20 Chinese characters are 20, not 20 UTF-16 units or 60 bytes.
const length = (text: string) => [...text].length;

/** 0…max in steps of 0.5. */
export function validScore(value: number, maxScore: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= maxScore && Number.isInteger(value / SCORE_STEP);
}

const row = z.object({
  criterionId: z.string({ required_error: "error.badRequest" }).min(1, "error.badRequest"),
  // A value that is not a number becomes NaN here instead of stopping the parse, so the refinement
  // below still runs and reports it beside every other problem.
  value: z.number().optional().catch(Number.NaN),
  justification: z.string().optional().transform((v) => (v ?? "").trim()),
});

export function scoreSheetSchema(criteria: readonly ScoredCriterion[]) {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return z
    .object({
      intent: z.enum(SHEET_INTENTS).default("save"),
      // 0 = no sheet yet (the first save creates it).
      version: recordVersion(0, { invalid_type_error: "error.badRequest" }).default(0),
      scores: z.array(row).max(criteria.length, "error.badRequest").default([]),
      comment: z.string().optional().transform((v) => (v ?? "").trim()),
    })
    .superRefine((sheet, ctx) => {
      const submitting = sheet.intent === "submit";
      const seen = new Set<string>();
      sheet.scores.forEach((score, i) => {
        const criterion = byId.get(score.criterionId);
        if (!criterion || seen.has(score.criterionId)) {
          ctx.addIssue({ code: "custom", path: [], message: "error.badRequest" });
          return;
        }
        seen.add(score.criterionId);
        const at = (field: "value" | "justification", message: string) => ctx.addIssue({ code: "custom", path: ["scores", i, field], message });
        if (score.value === undefined) {
          if (submitting) at("value", "es.v.scoreRequired");
        } else if (!validScore(score.value, criterion.maxScore)) {
          at("value", Number.isNaN(score.value) ? "es.v.number" : `es.v.scoreRange@${criterion.maxScore}`);
        }
        const n = length(score.justification);
        if (n > JUSTIFICATION_MAX) at("justification", `es.v.justificationTooLong@${JUSTIFICATION_MAX}`);
        else if (submitting && n < JUSTIFICATION_MIN) at("justification", `es.v.justificationShort@${JUSTIFICATION_MIN}`);
      });
      if (submitting && criteria.some((c) => !seen.has(c.id))) ctx.addIssue({ code: "custom", path: [], message: "es.v.incomplete" });
      if (length(sheet.comment) > COMMENT_MAX) ctx.addIssue({ code: "custom", path: ["comment"], message: `es.v.commentTooLong@${COMMENT_MAX}` });
    });
}

export type ScoreSheetForm = z.infer<ReturnType<typeof scoreSheetSchema>>;
export type ScoreSheetShape = z.input<ReturnType<typeof scoreSheetSchema>>;
/** What the commands take: the rows as typed (value undefined = not scored yet) and the comment. */
export type ScoreSheetInput = Pick<ScoreSheetForm, "scores" | "comment">;

/** A sheet the schema accepted for submission is complete; the command checks again with this (never trusting the caller). */
export function isComplete(criteria: readonly ScoredCriterion[], input: ScoreSheetInput): boolean {
  return criteria.every((c) => {
    const s = input.scores.find((r) => r.criterionId === c.id);
    return !!s && s.value !== undefined && validScore(s.value, c.maxScore) && length(s.justification) >= JUSTIFICATION_MIN && length(s.justification) <= JUSTIFICATION_MAX;
  });
}

export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 1_000;

/** The department's reopen form: which sheet, and why (the evaluator reads the reason; the audit log keeps it). */
export const reopenSchema = z.object({
  intent: z.literal("reopen"),
  sheetId: z.string({ required_error: "error.badRequest" }).min(1, "error.badRequest").max(40, "error.badRequest"),
  reason: z
    .string({ required_error: `es.v.reasonShort@${REOPEN_REASON_MIN}` })
    .trim()
    .refine((v) => length(v) >= REOPEN_REASON_MIN, `es.v.reasonShort@${REOPEN_REASON_MIN}`)
    .refine((v) => length(v) <= REOPEN_REASON_MAX, `es.v.reasonTooLong@${REOPEN_REASON_MAX}`),
});
