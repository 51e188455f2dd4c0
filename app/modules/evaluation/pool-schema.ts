import { z } from "zod";
import { SECTORS, TECH_TAGS, keys, type CatalogEntry } from "~/modules/scenarios/catalog";

// The forms of the evaluator pool and of organisation links: one schema per form.
// Messages are i18n keys (locales/*/evaluation-pool.ts, "ep.v." = validation); "key@n" carries a number.

export const TITLE_MAX = 60;
export const EXPERTISE_MAX = 2000;
export const TAGS_MAX = 15;
export const AFFILIATIONS_MAX = 20;
export const ORG_NAME_MAX = 120;
export const LINK_NOTE_MAX = 300;
export const MAX_CONCURRENT_LIMIT = 20;
/** No expert's career starts earlier; a typo like 199 or 20025 is refused. */
export const YEAR_MIN = 1950;

/** The pool table's availability filter (the page's select needs it in the browser too). */
export const POOL_STATUSES = ["all", "active", "inactive"] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];

export const LINK_KINDS = ["parent", "subsidiary", "shareholder", "same_group"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

function choice<L extends readonly CatalogEntry[]>(list: L) {
  return z.enum(keys(list), { errorMap: () => ({ message: "ep.v.unknownOption" }) });
}

const optionalText = (max: number) => z.string().trim().max(max, "v.tooLong").optional().transform((v) => v ?? "");
const year = z.number({ invalid_type_error: "ep.v.year" }).int("ep.v.year").min(YEAR_MIN, "ep.v.year").optional();

// One organisation an expert works or worked at. `org` is what the person typed or picked: a
// platform organisation's name or credit code links the row to it (the service resolves it);
// anything else is kept as a name. `orgId` is the link the row had when the form was loaded.
const affiliationRow = z
  .object({
    orgId: z.string().max(40).optional(),
    org: z.string({ required_error: "ep.v.orgRequired", invalid_type_error: "ep.v.orgRequired" })
      .trim().min(1, "ep.v.orgRequired").max(ORG_NAME_MAX, "v.tooLong"),
    fromYear: year,
    toYear: year,
  })
  .superRefine((row, ctx) => {
    // Checked when the form is posted, so a server running over New Year takes the new year.
    const thisYear = new Date().getFullYear();
    if (row.fromYear !== undefined && row.fromYear > thisYear) ctx.addIssue({ code: "custom", path: ["fromYear"], message: `ep.v.yearFuture@${thisYear}` });
    if (row.toYear !== undefined && row.toYear > thisYear) ctx.addIssue({ code: "custom", path: ["toYear"], message: `ep.v.yearFuture@${thisYear}` });
    if (row.fromYear !== undefined && row.toYear !== undefined && row.fromYear > row.toYear) {
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "ep.v.yearOrder" });
    }
  });

const expertiseFields = {
  // The updatedAt the form was loaded with ("" when the expert has no profile yet): a save over
  // a newer one (the admin and the expert editing at once) is refused with 409.
  updatedAt: z.string().max(40).optional().transform((v) => v ?? ""),
  title: optionalText(TITLE_MAX),
  expertise: optionalText(EXPERTISE_MAX),
  sectors: z.array(choice(SECTORS)).max(SECTORS.length).default([]),
  techTags: z.array(choice(TECH_TAGS)).max(TAGS_MAX, `ep.v.tooManyTags@${TAGS_MAX}`).default([]),
  affiliations: z.array(affiliationRow).max(AFFILIATIONS_MAX, `ep.v.tooManyRows@${AFFILIATIONS_MAX}`).default([]),
};

/** What an expert keeps on their own profile page. */
export const ExpertiseSchema = z.object(expertiseFields);

/** What an admin keeps for an expert of the pool: the expertise plus capacity and availability. */
export const PoolProfileSchema = z.object({
  ...expertiseFields,
  maxConcurrent: z.number({ required_error: "ep.v.maxConcurrent", invalid_type_error: "ep.v.maxConcurrent" })
    .int("ep.v.maxConcurrent").min(1, "ep.v.maxConcurrent").max(MAX_CONCURRENT_LIMIT, "ep.v.maxConcurrent"),
  active: z.boolean().optional().transform((v) => v ?? false),
});

export type ExpertiseInput = z.infer<typeof ExpertiseSchema>;
export type PoolProfileInput = z.infer<typeof PoolProfileSchema>;
export type ExpertiseFormShape = z.input<typeof ExpertiseSchema>;
export type PoolProfileFormShape = z.input<typeof PoolProfileSchema>;
export type AffiliationInput = ExpertiseInput["affiliations"][number];

/** Adding an expert who already holds the evaluator role to the pool. */
export const PoolAddSchema = z.object({
  userId: z.string({ required_error: "ep.v.pickExpert", invalid_type_error: "ep.v.pickExpert" }).min(1, "ep.v.pickExpert").max(40),
});

export const LinkAddSchema = z
  .object({
    fromOrgId: z.string({ required_error: "ep.v.pickFrom", invalid_type_error: "ep.v.pickFrom" }).min(1, "ep.v.pickFrom").max(40),
    toOrgId: z.string({ required_error: "ep.v.pickTo", invalid_type_error: "ep.v.pickTo" }).min(1, "ep.v.pickTo").max(40),
    kind: z.enum(LINK_KINDS, { errorMap: () => ({ message: "ep.v.kind" }) }),
    note: optionalText(LINK_NOTE_MAX),
  })
  .refine((v) => v.fromOrgId !== v.toOrgId, { path: ["toOrgId"], message: "ep.v.sameOrg" });

export const LinkRemoveSchema = z.object({ linkId: z.string().min(1).max(40) });

export type LinkAddInput = z.infer<typeof LinkAddSchema>;
export type LinkAddFormShape = z.input<typeof LinkAddSchema>;
