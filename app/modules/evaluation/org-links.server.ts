import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { AppError } from "~/utils/errors.server";
import type { OrgLink } from "./conflicts";
import type { PoolActor } from "./pool.server";
import type { LinkAddInput, LinkKind } from "./pool-schema";

/**
 * Links between organisations (parent, subsidiary, shareholder, same group), kept by admins.
 * Conflict detection follows them: an expert from a vendor's parent company is conflicted on the
 * vendor's proposal. Every change is audited on the "from" organisation, naming both.
 */

export const LINKS_PAGE_SIZE = 30;

function assertAdmin(actor: PoolActor): void {
  if (!actor.memberships.some((m) => m.role === "admin")) throw new AppError("error.forbidden", 403);
}

/** Every link with one end among the organisations, in either direction (for conflicts.ts). */
export async function linksTouching(orgIds: string[]): Promise<OrgLink[]> {
  const ids = [...new Set(orgIds)];
  if (ids.length === 0) return [];
  return db.organisationLink.findMany({
    where: { OR: [{ fromOrgId: { in: ids } }, { toOrgId: { in: ids } }] },
    select: { fromOrgId: true, toOrgId: true, kind: true },
    orderBy: { id: "asc" },
  });
}

function orgMatch(q: string): Prisma.OrganisationWhereInput {
  const contains = { contains: q, mode: "insensitive" as const };
  return { OR: [{ name: contains }, { shortName: contains }, { creditCode: { startsWith: q.toUpperCase() } }] };
}

const orgSelect = { id: true, name: true, type: true, creditCode: true } as const;

/** Organisations by (part of) their name or short name, or the start of their credit code. */
export async function searchOrganisations(q: string, take = 20) {
  const query = q.trim();
  if (!query) return [];
  return db.organisation.findMany({ where: orgMatch(query), select: orgSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take });
}

export async function organisationsByIds(ids: string[]) {
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) return [];
  return db.organisation.findMany({ where: { id: { in: wanted } }, select: orgSelect });
}

/** The links, newest first; with a query, those where either organisation matches it. */
export async function listLinks(f: { q: string; page: number; kind?: LinkKind }) {
  const where: Prisma.OrganisationLinkWhereInput = {
    ...(f.q ? { OR: [{ fromOrg: orgMatch(f.q) }, { toOrg: orgMatch(f.q) }] } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
  };
  const total = await db.organisationLink.count({ where });
  const pages = Math.max(1, Math.ceil(total / LINKS_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page), pages);
  const rows = await db.organisationLink.findMany({
    where,
    select: { id: true, kind: true, note: true, createdAt: true, fromOrg: { select: orgSelect }, toOrg: { select: orgSelect } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * LINKS_PAGE_SIZE,
    take: LINKS_PAGE_SIZE,
  });
  return { rows, total, page, pages };
}

// The same fact said the other way round: A parent of B is B subsidiary of A; a group is mutual.
const REVERSE: Record<LinkKind, LinkKind | null> = { parent: "subsidiary", subsidiary: "parent", same_group: "same_group", shareholder: null };

export async function addLink(actor: PoolActor, input: LinkAddInput): Promise<{ id: string }> {
  assertAdmin(actor);
  if (input.fromOrgId === input.toOrgId) throw new AppError("ep.v.sameOrg", 400);
  const orgs = await db.organisation.count({ where: { id: { in: [input.fromOrgId, input.toOrgId] } } });
  if (orgs !== 2) throw new AppError("v.orgUnknown", 400);
  const reverse = REVERSE[input.kind];
  const existing = await db.organisationLink.findFirst({
    where: {
      OR: [
        { fromOrgId: input.fromOrgId, toOrgId: input.toOrgId, kind: input.kind },
        ...(reverse ? [{ fromOrgId: input.toOrgId, toOrgId: input.fromOrgId, kind: reverse }] : []),
      ],
    },
    select: { id: true },
  });
  if (existing) throw new AppError("ep.v.linkExists", 409);
  try {
    return await db.$transaction(async (tx) => {
      const link = await tx.organisationLink.create({ data: { ...input, createdById: actor.id }, select: { id: true } });
      await recordAudit(tx, {
        actor, action: "organisation.link_add", entityId: input.fromOrgId, orgId: input.fromOrgId,
        data: { linkId: link.id, fromOrgId: input.fromOrgId, toOrgId: input.toOrgId, kind: input.kind, note: input.note },
      });
      return link;
    });
  } catch (error) {
    // Two admins adding the same link at once: the unique index lets one through.
    if (isUniqueViolation(error)) throw new AppError("ep.v.linkExists", 409);
    throw error;
  }
}

export async function removeLink(actor: PoolActor, linkId: string): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const link = await tx.organisationLink.findUnique({ where: { id: linkId }, select: { id: true, fromOrgId: true, toOrgId: true, kind: true, note: true } });
    if (!link) throw new AppError("error.notFound", 404);
    // deleteMany, not delete: a concurrent removal leaves 0 rows and answers 404 instead of failing.
    const { count } = await tx.organisationLink.deleteMany({ where: { id: link.id } });
    if (count === 0) throw new AppError("error.notFound", 404);
    await recordAudit(tx, {
      actor, action: "organisation.link_remove", entityId: link.fromOrgId, orgId: link.fromOrgId,
      data: { linkId: link.id, fromOrgId: link.fromOrgId, toOrgId: link.toOrgId, kind: link.kind, note: link.note },
    });
  });
}
