// The evaluation rubric: rows of criterion, guidance for evaluators, weight (%) and max score.
// Edited in the scenario form's row editor; stored as JSON on the scenario and frozen into
// Criterion rows when the scenario closes.

export type RubricRow = { criterion: string; guidance: string; weight: number; maxScore: number };

export const RUBRIC_MIN_ROWS = 1;
export const RUBRIC_MAX_ROWS = 20;
export const CRITERION_MAX_LENGTH = 60;
export const GUIDANCE_MAX_LENGTH = 500;
export const WEIGHT_MAX = 100;
export const MAX_SCORE_MAX = 1000;
/** What a newly added row proposes as its max score: the seeds' and the template's practice. */
export const DEFAULT_MAX_SCORE = 10;

/**
 * What a new scenario starts from, drawn from the rubrics the departments' own calls use (the
 * seeds): technical approach weighs most, price least. Guidance is what evaluators read beside
 * each criterion; the officer edits all of it.
 */
export const DEFAULT_RUBRIC: readonly RubricRow[] = [
  {
    criterion: "技术方案",
    guidance: "技术路线是否先进、可行，关键指标能否达到；数据来源、算法模型和系统架构是否清楚；数据安全与合规措施是否到位。",
    weight: 35,
    maxScore: DEFAULT_MAX_SCORE,
  },
  {
    criterion: "创新性",
    guidance: "与现有做法相比有无实质改进；核心技术是否自主可控；是否已有或将形成专利、软件著作权等成果。",
    weight: 20,
    maxScore: DEFAULT_MAX_SCORE,
  },
  {
    criterion: "实用性与可推广性",
    guidance: "方案是否贴合本场景的业务流程和一线使用者；试点成效能否量化；能否在本市、本省同类场景复制推广。",
    weight: 20,
    maxScore: DEFAULT_MAX_SCORE,
  },
  {
    criterion: "团队能力",
    guidance: "团队专业结构、核心人员经验与投入时间；类似项目业绩；算力、数据等配套条件。",
    weight: 15,
    maxScore: DEFAULT_MAX_SCORE,
  },
  {
    criterion: "经费合理性",
    guidance: "预算构成是否清楚、与工作量相符；报价是否在合理区间；自筹或配套投入情况。",
    weight: 10,
    maxScore: DEFAULT_MAX_SCORE,
  },
];

/** A fresh copy of the template, so a caller can never change the shared one. */
export function defaultRubric(): RubricRow[] {
  return DEFAULT_RUBRIC.map((row) => ({ ...row }));
}

/** Sum of the weights, rounded so that 33.3 + 33.3 + 33.4 counts as 100. */
export function weightTotal(weights: number[]): number {
  return Math.round(weights.reduce((sum, w) => sum + w, 0) * 1000) / 1000;
}

/** One line per row, as the version history and the amendment mail show a rubric. */
export function formatRubricText(rows: RubricRow[]): string {
  return rows
    .map((r) => `${r.criterion} | ${r.weight} | ${r.maxScore}${r.guidance ? ` | ${r.guidance}` : ""}`)
    .join("\n");
}

/**
 * Reads the rubric JSON column (or a version snapshot) defensively: rows written by older code
 * have no guidance (read as ""), rows written by hand that lack a name or numbers are skipped.
 * The keys come out in one order, so two readings of the same rubric compare equal as JSON.
 */
export function readRubric(value: unknown): RubricRow[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    if (!row || typeof row !== "object") return [];
    const { criterion, guidance, weight, maxScore } = row as Record<string, unknown>;
    if (typeof criterion !== "string" || typeof weight !== "number" || typeof maxScore !== "number") return [];
    return [{ criterion, guidance: typeof guidance === "string" ? guidance : "", weight, maxScore }];
  });
}

/**
 * Validation messages are i18n keys; a message that needs a number carries it after "@"
 * ("sv.rubricSum@90" = the weights add up to 90), and the form puts it into the text.
 */
export function splitIssue(message: string): { key: string; param: string | null } {
  const at = message.lastIndexOf("@");
  return at > 0 ? { key: message.slice(0, at), param: message.slice(at + 1) } : { key: message, param: null };
}
