import { organisationMatching } from "~/modules/organisations/organisation-match";
import type { Prisma } from "~/generated/prisma/client";
import { SECTORS, TECH_TAGS, isKey } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { POOL_STATUSES, type PoolStatus } from "./pool-schema";
import { evaluatorLoads } from "./pool.server";

// The admin's table of the pool: search, filters and paging, all in the URL.

export const POOL_PAGE_SIZE = 20;
export type PoolFilters = { q: string; sector: string; tag: string; status: PoolStatus; page: number };

/** Reads the filters from the URL; anything unknown falls back to "no filter" rather than an error. */
export function poolFiltersFrom(url: URL): PoolFilters {
  const p = url.searchParams;
  const sector = p.get("sector") ?? "";
  const tag = p.get("tag") ?? "";
  const status = POOL_STATUSES.find((s) => s === p.get("status")) ?? "all";
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    sector: isKey(SECTORS, sector) ? sector : "",
    tag: isKey(TECH_TAGS, tag) ? tag : "",
    status,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

function whereOf(f: PoolFilters): Prisma.EvaluatorProfileWhereInput {
  const contains = { contains: f.q, mode: "insensitive" as const };
  return {
    ...(f.q ? { OR: [{ user: { name: contains } }, { user: { email: contains } }, { title: contains }, { expertise: contains }] } : {}),
    ...(f.sector ? { sectors: { has: f.sector } } : {}),
    ...(f.tag ? { techTags: { has: f.tag } } : {}),
    ...(f.status === "all" ? {} : { active: f.status === "active" }),
  };
}

export async function listPool(f: PoolFilters) {
  const where = whereOf(f);
  const total = await db.evaluatorProfile.count({ where });
  const pages = Math.max(1, Math.ceil(total / POOL_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const profiles = await db.evaluatorProfile.findMany({
    where,
    select: {
      userId: true, title: true, sectors: true, techTags: true, maxConcurrent: true, active: true,
      user: {
        select: {
          name: true, email: true,
          affiliations: { where: { toYear: null }, select: { orgName: true }, orderBy: { id: "asc" } },
        },
      },
    },
    orderBy: [{ active: "desc" }, { user: { name: "asc" } }, { userId: "asc" }],
    skip: (page - 1) * POOL_PAGE_SIZE,
    take: POOL_PAGE_SIZE,
  });
  const loads = await evaluatorLoads(profiles.map((p) => p.userId));
  const rows = profiles.map((p) => ({
    userId: p.userId, name: p.user.name, email: p.user.email, title: p.title,
    sectors: p.sectors, techTags: p.techTags, maxConcurrent: p.maxConcurrent, active: p.active,
    currentOrgs: p.user.affiliations.map((a) => a.orgName),
    load: loads[p.userId]?.current ?? 0,
  }));
  return { rows, total, page, pages };
}

/** Users who hold the evaluator role (through an admin's invitation) and are not in the pool yet. */
export async function poolCandidates() {
  return db.user.findMany({
    where: { memberships: { some: { role: "evaluator" } }, evaluatorProfile: { is: null } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/** How many organisations are suggested while an affiliation is typed. */
export const ORG_SUGGESTIONS = 20;

/**
 * Organisations offered while an affiliation is typed: those whose name, English name or credit code
 * contains what was typed. Any exact name or credit code is accepted on saving anyway.
 */
export async function organisationSuggestions(q: string) {
  if (!q) return [];
  return db.organisation.findMany({
    where: organisationMatching(q),
    select: { id: true, name: true, creditCode: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ORG_SUGGESTIONS,
  });
}
