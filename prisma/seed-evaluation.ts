import type { PrismaClient } from "../app/generated/prisma/client";
import { freezeRubric } from "../app/modules/evaluation/criteria.server";
import { readRubric } from "../app/modules/scenarios/rubric";
import { shanghaiYear } from "../app/modules/scenarios/scenario-dates";
import { AFFILIATION_BASE_YEAR, EVALUATORS, ORGANISATION_LINKS } from "./seed-data/evaluators";
import { VENDORS } from "./seed-data/vendors";
import { seedProposals, type ScenarioRow, type SeedContext } from "./seed-proposals";
import { seedScoreSheets, type PoolAffiliation } from "./seed-score-sheets";

// The evaluation side of the demo (评审): the expert pool with affiliations, links between
// organisations, proposals on every scenario past its deadline (and a few open ones), the rubric
// frozen into criteria at closing, and assignments, conflict declarations and score sheets.
// Written with createMany where possible: about a second of the seed (two on a busy machine).

const AFTER_CLOSE = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"];

export type EvaluationSeedContext = SeedContext & { adminId: string };

/** The pool: one user per expert (demo password), the evaluator role, a profile and affiliations. */
async function seedEvaluatorPool(db: PrismaClient, ctx: EvaluationSeedContext) {
  const users = await db.user.createManyAndReturn({
    data: EVALUATORS.map((e) => ({ email: e.email, name: e.name, passwordHash: ctx.passwordHash, emailVerifiedAt: ctx.verifiedAt })),
    select: { id: true, email: true },
  });
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  const ids = new Map(EVALUATORS.map((e) => [e.key, idOf.get(e.email)!]));
  await db.membership.createMany({ data: EVALUATORS.map((e) => ({ userId: ids.get(e.key)!, orgId: ctx.platformId, role: "evaluator" as const })) });
  await db.evaluatorProfile.createMany({
    data: EVALUATORS.map((e) => ({
      userId: ids.get(e.key)!, title: e.title, expertise: e.expertise, sectors: e.sectors, techTags: e.techTags, maxConcurrent: e.maxConcurrent,
    })),
  });
  // Years are written as seen from AFFILIATION_BASE_YEAR; moved to the year of seeding.
  const shift = shanghaiYear(ctx.now) - AFFILIATION_BASE_YEAR;
  const year = (y: number | null) => (y == null ? null : y + shift);
  const vendorName = new Map(VENDORS.map((v) => [v.key, v.name]));
  const affiliations = EVALUATORS.flatMap((e) => e.affiliations.map((a) => ({
    userId: ids.get(e.key)!,
    orgId: "vendorKey" in a ? ctx.vendorIds.get(a.vendorKey)! : null,
    orgName: "vendorKey" in a ? vendorName.get(a.vendorKey)! : a.orgName,
    fromYear: year(a.fromYear), toYear: year(a.toYear),
  })));
  await db.evaluatorAffiliation.createMany({ data: affiliations });
  // Every expert is also a member of the platform organisation, which counts as a current affiliation.
  const pool: PoolAffiliation[] = [
    ...affiliations,
    ...EVALUATORS.map((e) => ({ userId: ids.get(e.key)!, orgId: ctx.platformId, orgName: "", fromYear: null, toYear: null })),
  ];
  return { ids, affiliations: pool };
}

async function seedOrganisationLinks(db: PrismaClient, ctx: EvaluationSeedContext) {
  const data = ORGANISATION_LINKS.map((l) => ({
    fromOrgId: ctx.vendorIds.get(l.fromKey)!, toOrgId: ctx.vendorIds.get(l.toKey)!, kind: l.kind, note: l.note, createdById: ctx.adminId,
  }));
  await db.organisationLink.createMany({ data });
  return data.map(({ fromOrgId, toOrgId, kind }) => ({ fromOrgId, toOrgId, kind }));
}

const scenarioSelect = {
  id: true, code: true, status: true, version: true, mechanism: true, raceTeams: true, deadline: true, publishedAt: true, closedAt: true,
  departmentId: true, createdById: true, rubric: true, budgetMin: true, budgetMax: true, consortiumAllowed: true, consortiumMaxMembers: true,
  invitations: { select: { orgId: true } },
} as const;

export async function seedEvaluation(db: PrismaClient, ctx: EvaluationSeedContext): Promise<void> {
  const pool = await seedEvaluatorPool(db, ctx);
  const links = await seedOrganisationLinks(db, ctx);
  const rows: ScenarioRow[] = await db.scenario.findMany({ where: { status: { not: "draft" } }, select: scenarioSelect });
  const scenarios = new Map(rows.map((s) => [s.code, s]));
  const proposals = await seedProposals(db, ctx, scenarios);

  // Frozen at closing, as closeScenario does: scores point at these rows, never at the rubric JSON.
  const closed = rows.filter((s) => AFTER_CLOSE.includes(s.status));
  await Promise.all(closed.map((s) => freezeRubric(db, s.id, readRubric(s.rubric))));
  const criteria = await db.criterion.findMany({
    where: { scenarioId: { in: closed.map((s) => s.id) } },
    select: { id: true, scenarioId: true, position: true, name: true, weight: true, maxScore: true },
    orderBy: { position: "asc" },
  });
  const organisations = await db.organisation.findMany({ select: { id: true, name: true, shortName: true } });
  await seedScoreSheets(db, ctx, { scenarios, proposals, criteria, evaluatorIds: pool.ids, affiliations: pool.affiliations, links, organisations });
}
