import { z } from "zod";

// Shared by the row editors' schemas (proposal milestones and consortium, profile cases): a row the
// user added but left blank is dropped rather than refused, and errors keep pointing at the row as
// it was posted (milestones[2].dueDate), so blank rows are removed only after the rows are checked.

/** True for a row with nothing typed in it (Conform posts blank inputs as absent). */
export function isBlankRow(row: unknown): boolean {
  if (row == null || row === "") return true;
  if (typeof row !== "object") return false;
  return Object.values(row as Record<string, unknown>).every((v) => v == null || (typeof v === "string" && v.trim() === ""));
}

/**
 * An array of `row`s, at most `max` filled ones, blank rows dropped from the parsed value. The count is
 * taken on the rows as posted: zod skips an array's refinements once a row fails, and "too many rows"
 * should appear in the same round as a row's own error.
 */
export function blankRowsDropped<Row extends z.ZodTypeAny>(row: Row, max: number, tooMany: string) {
  const maybeRow = z.preprocess((value) => (isBlankRow(value) ? undefined : value), row.optional());
  const rows = z
    .array(maybeRow)
    .default([])
    .transform((list) => list.filter((r): r is z.output<Row> => r !== undefined));
  return z.preprocess((raw, ctx) => {
    if (!Array.isArray(raw)) return raw;
    if (raw.filter((r) => !isBlankRow(r)).length > max) ctx.addIssue({ code: "custom", message: tooMany });
    // A tampered post can carry thousands of rows; check no more than a screenful past the limit.
    return raw.slice(0, max * 2);
  }, rows);
}
