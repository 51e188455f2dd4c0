import type { Prisma } from "~/generated/prisma/client";

/**
 * Organisations an admin is looking for by what they typed: part of the Chinese or English name (any
 * case) or of the unified social credit code (stored in capitals). Nothing typed matches all.
 */
export function organisationMatching(q: string): Prisma.OrganisationWhereInput {
  if (!q) return {};
  return { OR: [{ name: { contains: q, mode: "insensitive" } }, { nameEn: { contains: q, mode: "insensitive" } }, { creditCode: { contains: q.toUpperCase() } }] };
}
