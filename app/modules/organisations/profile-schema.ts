import { z } from "zod";
import { DISTRICTS, SECTORS, TECH_TAGS, keys, type CatalogEntry, type SectorKey } from "~/modules/scenarios/catalog";

// 能力画像表单的唯一 schema / The one schema of the capability-profile form.
// Messages are i18n keys (locales/*/profile.ts, "pfv." = validation); "key@n" names a line number.

export const PROFILE_LINES_MAX = 30;
export const PROFILE_LINE_MAX_LENGTH = 200;
export const PAST_CASES_MAX = 30;
export const CASE_TITLE_MAX = 100;
export const CASE_SUMMARY_MAX = 500;
export const CASE_YEAR_MIN = 1990;

const REQUIRED = { required_error: "v.required", invalid_type_error: "v.required" };

const optionalText = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v || null);

function choice<L extends readonly CatalogEntry[]>(list: L) {
  return z.enum(keys(list), { errorMap: () => ({ message: "pfv.unknownOption" }) });
}

function splitLines(value: string | undefined): string[] {
  return (value ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

// Products and certifications: one per line; duplicates dropped (the public page lists them).
const lines = () =>
  z.string().optional().transform((value, ctx) => {
    const items = [...new Set(splitLines(value))];
    if (items.length > PROFILE_LINES_MAX) ctx.addIssue({ code: "custom", message: `pfv.tooManyLines@${PROFILE_LINES_MAX}` });
    const long = items.findIndex((item) => item.length > PROFILE_LINE_MAX_LENGTH);
    if (long >= 0) ctx.addIssue({ code: "custom", message: `pfv.lineTooLong@${long + 1}` });
    return items;
  });

export type PastCaseInput = { title: string; sector: SectorKey; year: number; summary: string };
export type PastCaseIssue = { line: number; key: "pfv.caseFormat" | "pfv.caseTitle" | "pfv.caseSector" | "pfv.caseYear" | "pfv.caseSummary" };

// Full-width bars are what a Chinese keyboard produces; accept both.
const SEPARATOR = /\s*[|｜]\s*/;

/** The sector of a case line: a key ("healthcare") or its Chinese or English label ("医疗健康"). */
export function sectorFrom(raw: string): SectorKey | null {
  const wanted = raw.trim().toLowerCase();
  const entry = SECTORS.find((s) => s.key === wanted || s.zh === raw.trim() || s.en.toLowerCase() === wanted);
  return entry ? entry.key : null;
}

/** Parses "案例名称 | 领域 | 年份 | 简介" lines (简介 optional); each issue names its 1-based line. */
export function parsePastCases(text: string, now = new Date()): { cases: PastCaseInput[]; issues: PastCaseIssue[] } {
  const cases: PastCaseInput[] = [];
  const issues: PastCaseIssue[] = [];
  const maxYear = now.getFullYear() + 1; // a case signed for next year is fine, a typo like 2205 is not
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const parts = raw.trim().split(SEPARATOR);
    if (parts.length < 3) return issues.push({ line, key: "pfv.caseFormat" });
    // The summary may itself contain a bar: everything after the third separator belongs to it.
    const [title, sectorRaw, yearRaw, ...rest] = parts as [string, string, string, ...string[]];
    const summary = rest.join(" | ").trim();
    const sector = sectorFrom(sectorRaw);
    const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
    const before = issues.length;
    if (!title || title.length > CASE_TITLE_MAX) issues.push({ line, key: "pfv.caseTitle" });
    if (!sector) issues.push({ line, key: "pfv.caseSector" });
    if (!(year >= CASE_YEAR_MIN && year <= maxYear)) issues.push({ line, key: "pfv.caseYear" });
    if (summary.length > CASE_SUMMARY_MAX) issues.push({ line, key: "pfv.caseSummary" });
    if (issues.length === before && sector) cases.push({ title, sector, year, summary });
  });
  return { cases, issues };
}

/** The textarea form of stored cases, so an edit starts from what is saved. */
export function pastCasesToText(cases: { title: string; sector: string; year: number; summary: string }[]): string {
  return cases.map((c) => [c.title, c.sector, String(c.year), c.summary].filter((p, i) => i < 3 || p).join(" | ")).join("\n");
}

const pastCases = z.string().optional().transform((value, ctx) => {
  const { cases, issues } = parsePastCases(value ?? "");
  for (const issue of issues) ctx.addIssue({ code: "custom", message: `${issue.key}@${issue.line}` });
  if (cases.length > PAST_CASES_MAX) ctx.addIssue({ code: "custom", message: `pfv.tooManyCases@${PAST_CASES_MAX}` });
  return cases;
});

// Only web addresses: a javascript: or data: URL is refused here, not merely hidden on display.
const website = z
  .string()
  .trim()
  .max(300, "v.tooLong")
  .optional()
  .refine((v) => !v || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), "pfv.website")
  .transform((v) => v || null);

export const ProfileSchema = z.object({
  // The updatedAt the member loaded: the optimistic token that refuses a save over a newer one.
  updatedAt: z.string(REQUIRED).datetime({ message: "error.badRequest" }),
  intro: z.string(REQUIRED).trim().min(1, "v.required").max(2000, "v.tooLong"),
  introEn: optionalText(4000),
  sectors: z.array(choice(SECTORS)).max(SECTORS.length).default([]),
  techTags: z.array(choice(TECH_TAGS)).max(15, "pfv.tooManyTags").default([]),
  districts: z.array(choice(DISTRICTS)).max(DISTRICTS.length).default([]),
  products: lines(),
  certifications: lines(),
  teamSize: z.number({ invalid_type_error: "pfv.teamSize" }).int("pfv.teamSize").min(1, "pfv.teamSize").max(1_000_000, "pfv.teamSize").optional(),
  website,
  contactName: optionalText(60),
  contactPhone: z.string().trim().regex(/^\+?[0-9][0-9\s()-]{5,18}[0-9]$/, "pfv.phone").optional().transform((v) => v || null),
  contactEmail: z.string().trim().toLowerCase().email("v.email").max(200, "v.tooLong").optional().transform((v) => v || null),
  pastCases,
});

export type ProfileInput = z.infer<typeof ProfileSchema>;
export type ProfileFormShape = z.input<typeof ProfileSchema>;
