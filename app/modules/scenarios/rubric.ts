// The evaluation rubric is typed as text, one criterion per line: "名称 | 权重 | 满分".

export type RubricRow = { criterion: string; weight: number; maxScore: number };
export type RubricIssue = { line: number; key: RubricIssueKey };
export type RubricIssueKey = "sv.rubricFormat" | "sv.rubricName" | "sv.rubricWeight" | "sv.rubricMaxScore";

export const RUBRIC_MAX_ROWS = 20;

// Full-width bars and percent signs are what a Chinese keyboard produces; accept both.
const SEPARATOR = /\s*[|｜]\s*/;

function positiveNumber(raw: string, max: number): number | null {
  const cleaned = raw.replace(/[%％]$/, "").trim();
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 && value <= max ? value : null;
}

/** Parses the rubric text; `issues` name the (1-based) line of each problem so the form can point at it. */
export function parseRubricText(text: string): { rows: RubricRow[]; issues: RubricIssue[]; weightSum: number } {
  const rows: RubricRow[] = [];
  const issues: RubricIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const parts = raw.trim().split(SEPARATOR);
    if (parts.length !== 3) return issues.push({ line, key: "sv.rubricFormat" });
    const [criterion, weightRaw, maxRaw] = parts as [string, string, string];
    const weight = positiveNumber(weightRaw, 100);
    const maxScore = positiveNumber(maxRaw, 1000);
    if (criterion.length === 0 || criterion.length > 60) issues.push({ line, key: "sv.rubricName" });
    if (weight === null) issues.push({ line, key: "sv.rubricWeight" });
    if (maxScore === null) issues.push({ line, key: "sv.rubricMaxScore" });
    if (criterion && criterion.length <= 60 && weight !== null && maxScore !== null) rows.push({ criterion, weight, maxScore });
  });
  // Rounded so that 33.3 + 33.3 + 33.4 counts as 100.
  const weightSum = Math.round(rows.reduce((sum, row) => sum + row.weight, 0) * 1000) / 1000;
  return { rows, issues, weightSum };
}

export function formatRubricText(rows: RubricRow[]): string {
  return rows.map((r) => `${r.criterion} | ${r.weight} | ${r.maxScore}`).join("\n");
}

/** Reads the rubric JSON column defensively: rows written by older code or by hand are skipped, not trusted. */
export function readRubric(value: unknown): RubricRow[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    if (!row || typeof row !== "object") return [];
    const { criterion, weight, maxScore } = row as Record<string, unknown>;
    if (typeof criterion !== "string" || typeof weight !== "number" || typeof maxScore !== "number") return [];
    return [{ criterion, weight, maxScore }];
  });
}

/**
 * Validation messages are i18n keys; a message that needs a number carries it after "@"
 * ("sv.rubricWeight@3" = line 3), and the form turns it into "第 3 行：…".
 */
export function splitIssue(message: string): { key: string; param: string | null } {
  const at = message.lastIndexOf("@");
  return at > 0 ? { key: message.slice(0, at), param: message.slice(at + 1) } : { key: message, param: null };
}
