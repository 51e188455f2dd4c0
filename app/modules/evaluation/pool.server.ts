import type { AssignmentStatus, Role, ScenarioStatus } from "~/generated/prisma/enums";
import { recordAudit, type RequestContext } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { AppError } from "~/utils/errors.server";
import { resolveAffiliations, sameAffiliations, type StoredAffiliation } from "./affiliation-orgs.server";
import type { Affiliation } from "./conflicts";
import type { ExpertiseInput, PoolProfileInput } from "./pool-schema";

/**
 * The evaluator pool (SPEC §4 "Evaluation"): each expert's expertise, organisations over the
 * years and capacity. Admins keep every profile; an expert keeps their own expertise and
 * affiliations (not their capacity or availability). Every change is audited on the expert.
 */

// Only what the checks need, so tests and jobs can act without a session.
export type PoolActor = { id: string; memberships: { orgId: string; role: Role }[]; context?: RequestContext };

/** A profile made without saying otherwise takes this many assignments at once (the column's default). */
export const DEFAULT_MAX_CONCURRENT = 3;

// What occupies an expert: an assignment they have not declined (and that was not withdrawn) on a
// scenario still being evaluated. Once the scenario moves on to a decision the work is done.
export const LOAD_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ["invited", "accepted"];
export const LOAD_SCENARIO_STATUSES: readonly ScenarioStatus[] = ["closed", "evaluating"];

export type EvaluatorLoad = { userId: string; current: number; max: number };

const isAdmin = (actor: PoolActor) => actor.memberships.some((m) => m.role === "admin");
const isEvaluator = (actor: PoolActor) => actor.memberships.some((m) => m.role === "evaluator");

function assertAdmin(actor: PoolActor): void {
  if (!isAdmin(actor)) throw new AppError("error.forbidden", 403);
}

/** Current load and capacity per expert; every id asked for is in the answer (0 when idle). */
export async function evaluatorLoads(userIds: string[]): Promise<Record<string, EvaluatorLoad>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return {};
  const [counts, profiles] = await Promise.all([
    db.evaluationAssignment.groupBy({
      by: ["evaluatorId"],
      where: {
        evaluatorId: { in: ids },
        status: { in: [...LOAD_ASSIGNMENT_STATUSES] },
        scenario: { status: { in: [...LOAD_SCENARIO_STATUSES] } },
      },
      _count: { _all: true },
    }),
    db.evaluatorProfile.findMany({ where: { userId: { in: ids } }, select: { userId: true, maxConcurrent: true } }),
  ]);
  const current = new Map(counts.map((c) => [c.evaluatorId, c._count._all]));
  const max = new Map(profiles.map((p) => [p.userId, p.maxConcurrent]));
  return Object.fromEntries(ids.map((id) => [id, { userId: id, current: current.get(id) ?? 0, max: max.get(id) ?? DEFAULT_MAX_CONCURRENT }]));
}

/**
 * The expert's organisations on the platform, as conflicts.ts reads them. Rows kept only by name
 * (an organisation not on the platform) can match no vendor, so they are left out here.
 */
export async function evaluatorAffiliations(userId: string): Promise<Affiliation[]> {
  return (await affiliationsByEvaluator([userId]))[userId] ?? [];
}

/** The same for many experts at once (suggestions rank a whole pool). */
export async function affiliationsByEvaluator(userIds: string[]): Promise<Record<string, Affiliation[]>> {
  const rows = await db.evaluatorAffiliation.findMany({
    where: { userId: { in: userIds }, orgId: { not: null } },
    select: { userId: true, orgId: true, orgName: true, fromYear: true, toYear: true },
    orderBy: [{ userId: "asc" }, { id: "asc" }],
  });
  const byUser: Record<string, Affiliation[]> = Object.fromEntries(userIds.map((id) => [id, []]));
  for (const r of rows) byUser[r.userId]?.push({ orgId: r.orgId!, orgName: r.orgName, fromYear: r.fromYear, toYear: r.toYear });
  return byUser;
}

const profileSelect = {
  userId: true, title: true, expertise: true, sectors: true, techTags: true, maxConcurrent: true, active: true, updatedAt: true,
} as const;

async function storedAffiliations(client: Tx | typeof db, userId: string): Promise<(StoredAffiliation & { id: string })[]> {
  return client.evaluatorAffiliation.findMany({
    where: { userId },
    select: { id: true, orgId: true, orgName: true, fromYear: true, toYear: true },
    // Current organisations first, then the most recent past ones.
    orderBy: [{ toYear: { sort: "desc", nulls: "first" } }, { fromYear: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  });
}

async function loadExpert(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
  if (!user) return null;
  const [profile, affiliations] = await Promise.all([
    db.evaluatorProfile.findUnique({ where: { userId }, select: profileSelect }),
    storedAffiliations(db, userId),
  ]);
  return { user, profile, affiliations };
}

export type ExpertForEdit = NonNullable<Awaited<ReturnType<typeof loadExpert>>>;

/** An expert of the pool, for an admin; 404 for anyone not in the pool. */
export async function poolProfileForEdit(actor: PoolActor, userId: string): Promise<ExpertForEdit & { profile: NonNullable<ExpertForEdit["profile"]> }> {
  assertAdmin(actor);
  const expert = await loadExpert(userId);
  if (!expert?.profile) throw new AppError("error.notFound", 404);
  return { ...expert, profile: expert.profile };
}

/** The expert's own profile (none yet until they first save it). */
export async function ownProfileForEdit(actor: PoolActor): Promise<ExpertForEdit> {
  if (!isEvaluator(actor)) throw new AppError("error.forbidden", 403);
  const expert = await loadExpert(actor.id);
  if (!expert) throw new AppError("error.notFound", 404);
  return expert;
}

/** What the form starts from: the stored values in the form's shape. */
export function expertFormDefaults(expert: ExpertForEdit) {
  const p = expert.profile;
  return {
    updatedAt: p?.updatedAt.toISOString() ?? "",
    title: p?.title ?? "",
    expertise: p?.expertise ?? "",
    sectors: p?.sectors ?? [],
    techTags: p?.techTags ?? [],
    maxConcurrent: String(p?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT),
    active: (p?.active ?? true) ? "on" : undefined,
    affiliations: expert.affiliations.map((a) => ({
      orgId: a.orgId ?? "", org: a.orgName,
      fromYear: a.fromYear == null ? "" : String(a.fromYear), toYear: a.toYear == null ? "" : String(a.toYear),
    })),
  };
}

/** Admin: puts a user who holds the evaluator role into the pool with the default capacity. */
export async function addToPool(actor: PoolActor, userId: string): Promise<void> {
  assertAdmin(actor);
  const evaluator = await db.membership.findFirst({ where: { userId, role: "evaluator" }, select: { id: true } });
  if (!evaluator) throw new AppError("ep.v.notEvaluator", 400);
  try {
    await db.$transaction(async (tx) => {
      await tx.evaluatorProfile.create({ data: { userId }, select: { userId: true } });
      await recordAudit(tx, { actor, action: "evaluator.pool_add", entityId: userId, data: {} });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ep.v.alreadyInPool", 409);
    throw error;
  }
}

/** Admin: every field of an expert already in the pool. */
export async function updatePoolProfile(actor: PoolActor, userId: string, input: PoolProfileInput) {
  assertAdmin(actor);
  return saveProfile(actor, userId, input, { maxConcurrent: input.maxConcurrent, active: input.active }, false);
}

/**
 * The expert, on their own profile: expertise and affiliations only. The first save puts them in
 * the pool with the defaults: the evaluator role itself came from an admin's invitation.
 */
export async function updateOwnProfile(actor: PoolActor, input: ExpertiseInput) {
  if (!isEvaluator(actor)) throw new AppError("error.forbidden", 403);
  return saveProfile(actor, actor.id, input, null, true);
}

const FIELDS = ["title", "expertise", "sectors", "techTags", "maxConcurrent", "active"] as const;

/**
 * One transaction: the profile (only if its updatedAt is still the one the form was loaded with —
 * else 409, so the admin and the expert never silently overwrite each other), the affiliations
 * (replaced when they changed), and one audit event naming the changed fields.
 */
async function saveProfile(
  actor: PoolActor, userId: string, input: ExpertiseInput, capacity: { maxConcurrent: number; active: boolean } | null, mayCreate: boolean,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.evaluatorProfile.findUnique({ where: { userId }, select: profileSelect });
    if (!before && !mayCreate) throw new AppError("error.notFound", 404);
    if ((before?.updatedAt.toISOString() ?? "") !== input.updatedAt) throw new AppError("error.conflict", 409);
    const data = { title: input.title, expertise: input.expertise, sectors: input.sectors, techTags: input.techTags, ...(capacity ?? {}) };
    if (before) {
      // The token in the WHERE makes the check atomic: a save that committed first leaves count 0.
      const { count } = await tx.evaluatorProfile.updateMany({ where: { userId, updatedAt: before.updatedAt }, data: { ...data, updatedAt: new Date() } });
      if (count === 0) throw new AppError("error.conflict", 409);
    } else {
      try {
        await tx.evaluatorProfile.create({ data: { userId, ...data }, select: { userId: true } });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("error.conflict", 409);
        throw error;
      }
      await recordAudit(tx, { actor, action: "evaluator.pool_add", entityId: userId, data: {} });
    }

    const fields: string[] = before
      ? FIELDS.filter((f) => f in data && JSON.stringify(before[f]) !== JSON.stringify(data[f as keyof typeof data]))
      : Object.keys(data);
    const old = (await storedAffiliations(tx, userId)).map(({ id: _id, ...rest }) => rest);
    const next = await resolveAffiliations(tx, input.affiliations);
    const affiliationsChanged = !sameAffiliations(old, next);
    if (affiliationsChanged) {
      fields.push("affiliations");
      await tx.evaluatorAffiliation.deleteMany({ where: { userId } });
      if (next.length) await tx.evaluatorAffiliation.createMany({ data: next.map((a) => ({ ...a, userId })) });
    }
    await recordAudit(tx, {
      actor, action: "evaluator.profile_update", entityId: userId,
      data: { fields, ...(affiliationsChanged ? { affiliations: { before: old, after: next } } : {}) },
    });
    const after = await tx.evaluatorProfile.findUniqueOrThrow({ where: { userId }, select: { updatedAt: true } });
    return { fields, updatedAt: after.updatedAt };
  });
}
