import { z } from "zod";
import { COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, keys, type CatalogEntry } from "./catalog";
import {
  CRITERION_MAX_LENGTH, GUIDANCE_MAX_LENGTH, MAX_SCORE_MAX, RUBRIC_MAX_ROWS, RUBRIC_MIN_ROWS, WEIGHT_MAX, weightTotal,
} from "./rubric";
import { fromShanghaiInput } from "./scenario-dates";
import { DEFAULT_NOTICE_DAYS, MAX_NOTICE_DAYS, MIN_NOTICE_DAYS } from "~/modules/awards/notice-period";
import { recordVersion } from "~/utils/record-version";

// The one schema behind the create, edit and amend forms. Messages are i18n keys from
// locales/*/scenarios.ts (validation keys start with "sv."); the form translates them.

const REQUIRED = { required_error: "v.required", invalid_type_error: "v.required" };
export const BUDGET_MAX_WAN = 10_000_000; // 1000 亿元: far above any real scenario, well inside Number precision
export const LINES_MAX = 30;
export const LINE_MAX_LENGTH = 300;
export const PASS_MARK_MAX = 100;
export const OBJECTION_CONTACT_MAX_LENGTH = 200;

const text = (max: number) => z.string(REQUIRED).trim().min(1, "v.required").max(max, "v.tooLong");
// Conform turns an empty input into undefined; optional text is stored as "".
const optionalText = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v ?? "");
// Optional English versions are stored as NULL so "not translated" is distinguishable from "".
const optionalEn = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v || null);

function choice<L extends readonly CatalogEntry[]>(list: L) {
  return z.enum(keys(list), {
    errorMap: (issue) => ({ message: issue.code === "invalid_enum_value" ? "sv.unknownOption" : "v.required" }),
  });
}

// Lists (KPIs, acceptance criteria, responsible units) are typed one item per row of a row editor.
// A row left empty is dropped rather than refused: an officer who added one too many rows is not
// stopped by it. Errors point at the row (kpis[2]), so the check runs before the empty ones go.
const lines = () =>
  z.array(z.string().trim().max(LINE_MAX_LENGTH, `sv.lineTooLong@${LINE_MAX_LENGTH}`).optional())
    .max(LINES_MAX, `sv.tooManyLines@${LINES_MAX}`)
    .default([])
    .transform((items) => items.filter((item): item is string => !!item));

const integer = (min: number, max: number, rangeKey: string) =>
  z.number({ invalid_type_error: "sv.integer" }).int("sv.integer").min(min, rangeKey).max(max, rangeKey).optional();

// Budgets are typed in 万元 and stored in whole 元, so at most four decimals.
const wan = z
  .number({ invalid_type_error: "sv.number" })
  .min(0, "sv.budgetNegative")
  .max(BUDGET_MAX_WAN, "sv.budgetTooLarge")
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, "sv.budgetPrecision")
  .optional();

const deadline = z.string(REQUIRED).transform((value, ctx) => {
  const date = fromShanghaiInput(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "sv.datetime" });
    return z.NEVER;
  }
  return date;
});

// 定向委托: the invited organisation's total (0–100) must reach it. Decimals are allowed (a total
// like 72.5 is common); other mechanisms ignore it, and it is stored as NULL for them.
const passMark = z
  .number({ invalid_type_error: "sv.passMarkRange" })
  .min(0, "sv.passMarkRange")
  .max(PASS_MARK_MAX, "sv.passMarkRange")
  .optional();

// The notice period in calendar days (ADR 008). At least 3 days, the minimum public-procurement
// notice (招标投标法实施条例 art. 54), at most 30; empty means the default 7.
const noticeDays = integer(MIN_NOTICE_DAYS, MAX_NOTICE_DAYS, "sv.noticeDaysRange").transform((v) => v ?? DEFAULT_NOTICE_DAYS);

const rubricNumber = (max: number, key: string) =>
  z.number({ required_error: key, invalid_type_error: key }).gt(0, key).max(max, key);

const rubricRow = z.object({
  criterion: z.string({ required_error: "sv.rubricName", invalid_type_error: "sv.rubricName" })
    .trim().min(1, "sv.rubricName").max(CRITERION_MAX_LENGTH, "sv.rubricName"),
  guidance: z.string().trim().max(GUIDANCE_MAX_LENGTH, "sv.rubricGuidance").optional().transform((v) => v ?? ""),
  weight: rubricNumber(WEIGHT_MAX, "sv.rubricWeight"),
  maxScore: rubricNumber(MAX_SCORE_MAX, "sv.rubricMaxScore"),
});

const rubricRows = z.array(rubricRow)
  .min(RUBRIC_MIN_ROWS, "sv.rubricEmpty")
  .max(RUBRIC_MAX_ROWS, `sv.rubricTooMany@${RUBRIC_MAX_ROWS}`);

function numberOf(value: unknown): number {
  if (typeof value === "number") return value;
  return typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
}

// The weights must total 100. Checked on the rows as posted, before zod checks them one by one:
// zod skips an array's refinements once one of its rows fails, and the officer should see the
// total (the weights that are numbers) in the same round as a missing criterion name.
function checkWeightTotal(raw: unknown, ctx: z.RefinementCtx) {
  if (!Array.isArray(raw) || raw.length === 0) return;
  const weights = raw.map((row) => numberOf((row as { weight?: unknown } | null)?.weight)).filter(Number.isFinite);
  const total = weightTotal(weights);
  if (total !== 100) ctx.addIssue({ code: "custom", message: `sv.rubricSum@${total}` });
}

const rubric = z.preprocess((raw, ctx) => {
  checkWeightTotal(raw, ctx);
  return raw;
}, rubricRows);

const fields = z.object({
  title: text(120),
  titleEn: optionalEn(200),
  summary: text(500),
  summaryEn: optionalEn(1000),
  description: text(20_000),
  sector: choice(SECTORS),
  techTags: z.array(choice(TECH_TAGS)).max(12, "sv.tooManyTags").default([]),
  mechanism: choice(MECHANISMS),
  raceTeams: integer(2, 20, "sv.raceTeamsRange"),
  invitedOrgIds: z.array(z.string().min(1).max(40)).max(30, "sv.tooManyInvited").default([]),
  district: choice(DISTRICTS),
  needType: choice(NEED_TYPES),
  cooperationMode: choice(COOPERATION_MODES).optional().transform((v) => v ?? ""),
  budgetMin: wan,
  budgetMax: wan,
  paymentSchedule: optionalText(2000),
  openResources: optionalText(5000),
  kpis: lines(),
  acceptanceCriteria: lines(),
  eligibility: optionalText(3000),
  consortiumAllowed: z.boolean().optional().transform((v) => v ?? false),
  consortiumMaxMembers: integer(0, 10, "sv.consortiumRange"),
  responsibleUnits: lines(),
  contactName: text(60),
  contactPhone: z.string(REQUIRED).trim().regex(/^\+?[0-9][0-9\s()-]{5,18}[0-9]$/, "sv.phone"),
  contactEmail: z.string(REQUIRED).trim().toLowerCase().email("v.email").max(200, "v.tooLong"),
  deadline,
  projectMonths: integer(1, 120, "sv.projectMonthsRange"),
  rubric,
  passMark,
  noticeDays,
  showEvaluatorNames: z.boolean().optional().transform((v) => v ?? false),
  objectionContact: optionalText(OBJECTION_CONTACT_MAX_LENGTH),
});

// Rules that tie fields together; each issue is attached to the field the user has to change. They
// read the values as posted, before zod checks each field: zod runs an object's refinements only once
// every field is valid, and an officer should see "the maximum is below the minimum" in the same round
// as a missing title. Values arrive as the form's strings, or typed when a service or test calls the schema.
type Raw = Record<string, unknown>;

function present(value: unknown): boolean {
  return value != null && !(typeof value === "string" && value.trim() === "") && !(Array.isArray(value) && value.length === 0);
}

function checked(value: unknown): boolean {
  return value === true || value === "on" || value === "true";
}

function crossFieldRules(v: Raw, ctx: z.RefinementCtx) {
  if (v.mechanism === "horse_race" && !present(v.raceTeams)) {
    ctx.addIssue({ code: "custom", path: ["raceTeams"], message: "sv.raceTeamsRequired" });
  }
  if (v.mechanism === "directed" && !present(v.invitedOrgIds)) {
    ctx.addIssue({ code: "custom", path: ["invitedOrgIds"], message: "sv.invitedRequired" });
  }
  // Without a pass mark a directed call could never be awarded (ADR 008). A value out of range is
  // reported by the field itself; other mechanisms ignore whatever was typed.
  if (v.mechanism === "directed" && !present(v.passMark)) {
    ctx.addIssue({ code: "custom", path: ["passMark"], message: "sv.passMarkRequired" });
  }
  const min = numberOf(v.budgetMin);
  const max = numberOf(v.budgetMax);
  if (Number.isFinite(min) && Number.isFinite(max) && max < min) {
    ctx.addIssue({ code: "custom", path: ["budgetMax"], message: "sv.budgetOrder" });
  }
  // Missing or 0 members; a value that is not a number is reported by the field itself.
  if (checked(v.consortiumAllowed) && (!present(v.consortiumMaxMembers) || numberOf(v.consortiumMaxMembers) === 0)) {
    ctx.addIssue({ code: "custom", path: ["consortiumMaxMembers"], message: "sv.consortiumMembersRequired" });
  }
}

// A published call cannot be amended into one that has already closed. A malformed date is reported
// by its own field; this only judges a date that reads.
function amendRules(v: Raw, ctx: z.RefinementCtx) {
  const deadline = v.deadline instanceof Date ? v.deadline : typeof v.deadline === "string" ? fromShanghaiInput(v.deadline) : null;
  if (deadline && deadline.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["deadline"], message: "sv.deadlinePast" });
}

function withRules<T extends z.ZodTypeAny>(schema: T, ...rules: ((v: Raw, ctx: z.RefinementCtx) => void)[]) {
  return z.preprocess((raw, ctx) => {
    if (raw && typeof raw === "object" && !Array.isArray(raw)) for (const rule of rules) rule(raw as Raw, ctx);
    return raw;
  }, schema);
}

// The edit and amend forms carry the version the officer loaded, so a stale save is refused.
const version = recordVersion(1, REQUIRED);
const amendFields = fields.extend({ version, note: text(1000) });

export const ScenarioSchema = withRules(fields, crossFieldRules);
export const ScenarioEditSchema = withRules(fields.extend({ version }), crossFieldRules);
export const ScenarioAmendSchema = withRules(amendFields, crossFieldRules, amendRules);

export const PublishSchema = z.object({ version });
export const CancelSchema = z.object({ reason: z.string(REQUIRED).trim().min(5, "sv.reasonShort").max(1000, "v.tooLong") });

/** The validated scenario fields, as every service receives them. */
export type ScenarioInput = z.infer<typeof ScenarioSchema>;
/**
 * What the form posts (the widest variant), used to type the form's fields and default values.
 * The rubric is named by its rows' shape: the total check in front of it takes anything.
 */
export type ScenarioFormShape = Omit<z.input<typeof amendFields>, "rubric"> & { rubric: z.input<typeof rubricRows> };

/** 万元 on the form, whole 元 in the database. */
export function wanToYuan(wanValue: number | null | undefined): number | null {
  return wanValue == null ? null : Math.round(wanValue * 10_000);
}

export function yuanToWan(yuan: number | null | undefined): number | null {
  return yuan == null ? null : yuan / 10_000;
}
