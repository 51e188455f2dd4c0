import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { pastCasesToRows, type ProfileInput } from "./profile-schema";

// Only what the permission check needs, so jobs and tests can act without a full session user.
type Actor = { id: string; memberships: Pick<CurrentUser["memberships"][number], "orgId" | "role">[] };

const profileSelect = {
  id: true, name: true, type: true, updatedAt: true,
  // The page also says where verification stands and links to the documents (verification-documents.server.ts).
  verified: true, rejectedAt: true, _count: { select: { verificationDocuments: true } },
  intro: true, introEn: true, sectors: true, techTags: true, districts: true, products: true, certifications: true,
  teamSize: true, website: true, contactName: true, contactPhone: true, contactEmail: true,
  // Only the cases the vendor typed: delivered cases (PastCase rows of a DeliveredCase) are the
  // platform's record, never edited or deleted from the profile form.
  pastCases: { where: { deliveredCaseId: null }, select: { title: true, sector: true, year: true, summary: true }, orderBy: [{ year: "desc" }, { title: "asc" }] },
} satisfies Prisma.OrganisationSelect;

// Fields compared to name what changed in the audit event (values are not copied into the log).
const FIELDS = [
  "intro", "introEn", "sectors", "techTags", "districts", "products", "certifications",
  "teamSize", "website", "contactName", "contactPhone", "contactEmail",
] as const;

/** Only members (vendor_member) of THAT organisation edit its profile; officers, admins, other vendors never. */
function assertMember(actor: Actor, orgId: string): void {
  if (!actor.memberships.some((m) => m.orgId === orgId && m.role === "vendor_member")) throw new AppError("error.forbidden", 403);
}

export async function getProfileForEdit(actor: Actor, orgId: string) {
  assertMember(actor, orgId);
  const org = await db.organisation.findFirst({ where: { id: orgId, type: { in: ["vendor", "institute"] } }, select: profileSelect });
  if (!org) throw new AppError("error.notFound", 404);
  return org;
}

/** What the form shows: stored values in the form's shape (lists as lines, the token as ISO text). */
export function profileFormDefaults(org: Awaited<ReturnType<typeof getProfileForEdit>>) {
  return {
    updatedAt: org.updatedAt.toISOString(),
    intro: org.intro, introEn: org.introEn ?? "",
    sectors: org.sectors, techTags: org.techTags, districts: org.districts,
    products: org.products.join("\n"), certifications: org.certifications.join("\n"),
    teamSize: org.teamSize == null ? "" : String(org.teamSize),
    website: org.website ?? "", contactName: org.contactName ?? "", contactPhone: org.contactPhone ?? "", contactEmail: org.contactEmail ?? "",
    pastCases: pastCasesToRows(org.pastCases),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Saves the profile in one transaction: the row (only if its updatedAt is still the one the member
 * loaded — a concurrent save wins and this one gets 409 error.conflict), the past cases (replaced),
 * an audit event naming the changed fields, and the search-sync job, so the index never misses it.
 */
export async function updateProfile(actor: Actor, orgId: string, input: ProfileInput) {
  assertMember(actor, orgId);
  const token = new Date(input.updatedAt);
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findFirst({ where: { id: orgId, type: { in: ["vendor", "institute"] } }, select: profileSelect });
    if (!before) throw new AppError("error.notFound", 404);
    const data = {
      intro: input.intro, introEn: input.introEn, sectors: input.sectors, techTags: input.techTags, districts: input.districts,
      products: input.products, certifications: input.certifications, teamSize: input.teamSize ?? null,
      website: input.website, contactName: input.contactName, contactPhone: input.contactPhone, contactEmail: input.contactEmail,
    };
    // The token in the WHERE makes the check atomic: if another save committed first, count is 0.
    const { count } = await tx.organisation.updateMany({ where: { id: orgId, updatedAt: token }, data });
    if (count === 0) throw new AppError("error.conflict", 409);

    const changed: string[] = FIELDS.filter((f) => !same(before[f], data[f]));
    const oldCases = before.pastCases.map((c) => [c.title, c.sector, c.year, c.summary]);
    const newCases = input.pastCases.map((c) => [c.title, c.sector, c.year, c.summary]);
    const sortKey = (c: unknown[]) => JSON.stringify(c);
    if (!same(oldCases.map(sortKey).sort(), newCases.map(sortKey).sort())) {
      changed.push("pastCases");
      await tx.pastCase.deleteMany({ where: { orgId, deliveredCaseId: null } });
      if (input.pastCases.length) await tx.pastCase.createMany({ data: input.pastCases.map((c) => ({ ...c, orgId })) });
    }
    await recordAudit(tx, {
      actor, action: "organisation.profile_update", entityId: orgId, orgId,
      data: { fields: changed },
    });
    await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: orgId });
    const after = await tx.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { updatedAt: true } });
    return { changed, updatedAt: after.updatedAt };
  });
}
