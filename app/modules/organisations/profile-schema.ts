import { z } from "zod";
import { DISTRICTS, SECTORS, TECH_TAGS, keys, type CatalogEntry, type SectorKey } from "~/modules/scenarios/catalog";
import { blankRowsDropped } from "~/utils/row-schema";

// 能力画像表单的唯一 schema / The one schema of the capability-profile form.
// Messages are i18n keys (locales/*/profile.ts, "pfv." = validation); "key@n" carries a number.

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

/** The sector of a case: a key ("healthcare") or its Chinese or English label ("医疗健康"). */
export function sectorFrom(raw: string): SectorKey | null {
  const wanted = raw.trim().toLowerCase();
  const entry = SECTORS.find((s) => s.key === wanted || s.zh === raw.trim() || s.en.toLowerCase() === wanted);
  return entry ? entry.key : null;
}

// Cases are edited row by row (the row editor): each error belongs to its row's cell
// (pastCases[2].year); a row left blank is dropped. A case signed for next year is fine, 2205 is not.
function caseRow(now: Date) {
  return z.object({
    title: z.string({ required_error: "pfv.row.caseTitle", invalid_type_error: "pfv.row.caseTitle" }).trim().min(1, "pfv.row.caseTitle").max(CASE_TITLE_MAX, "pfv.row.caseTitle"),
    sector: z.string({ required_error: "pfv.row.caseSector", invalid_type_error: "pfv.row.caseSector" }).transform((value, ctx) => {
      const key = sectorFrom(value);
      if (!key) ctx.addIssue({ code: "custom", message: "pfv.row.caseSector" });
      return key ?? z.NEVER;
    }),
    year: z.number({ required_error: "pfv.row.caseYear", invalid_type_error: "pfv.row.caseYear" }).int("pfv.row.caseYear")
      .min(CASE_YEAR_MIN, "pfv.row.caseYear").max(now.getFullYear() + 1, "pfv.row.caseYear"),
    summary: z.string().trim().max(CASE_SUMMARY_MAX, "pfv.row.caseSummary").optional().transform((v) => v ?? ""),
  });
}

/** The cases in the form's shape, so an edit starts from what is saved. */
export function pastCasesToRows(cases: { title: string; sector: string; year: number; summary: string }[]) {
  return cases.map((c) => ({ title: c.title, sector: c.sector, year: String(c.year), summary: c.summary }));
}

export function pastCasesSchema(now = new Date()) {
  return blankRowsDropped(caseRow(now), PAST_CASES_MAX, `pfv.tooManyCases@${PAST_CASES_MAX}`);
}

const pastCases = pastCasesSchema();

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
/** What the form posts; the cases are named by their rows' shape (the check in front takes anything). */
export type ProfileFormShape = Omit<z.input<typeof ProfileSchema>, "pastCases"> & {
  pastCases?: { title?: string; sector?: string; year?: string; summary?: string }[];
};
