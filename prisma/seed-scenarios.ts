import type { PrismaClient } from "../app/generated/prisma/client";
import { diffSnapshots, snapshotOf, type ScenarioSnapshot } from "../app/modules/scenarios/scenario-diff";
import { currentScenarioValues } from "./seed-data/scenarios";
import type { SeedScenario } from "./seed-data/types";

const DAY = 86_400_000;
type Context = { now: Date; departmentId: string; officerId: string; vendorIds: Map<string, string> };

// Statuses after the deadline: when each step happened, counted back from now.
const AFTER_CLOSE = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"] as const;

function snapshot(s: SeedScenario, now: Date, invitedNames: string[]): ScenarioSnapshot {
  return snapshotOf({
    ...s,
    titleEn: s.titleEn || null,
    summaryEn: s.summaryEn || null,
    raceTeams: s.mechanism === "horse_race" ? (s.raceTeams ?? null) : null,
    invitedOrgs: invitedNames,
    cooperationMode: s.cooperationMode,
    deadline: new Date(now.getTime() + s.deadlineInDays * DAY),
    rubric: s.rubric.map(({ criterion, guidance, weight, maxScore }) => ({ criterion, guidance: guidance ?? "", weight, maxScore })),
    ...awardSettings(s),
  });
}

// The form requires a pass mark for a directed call; the demo ones use a common 60, the rest the defaults.
function awardSettings(s: Pick<SeedScenario, "mechanism">) {
  return { passMark: s.mechanism === "directed" ? 60 : null, noticeDays: 7, showEvaluatorNames: false, objectionContact: "" };
}

// Writes one listing with its whole history: versions for each amendment and an audit trail
// dated as if it had happened over the past weeks.
export async function seedScenario(db: PrismaClient, s: SeedScenario, ctx: Context): Promise<void> {
  const { now } = ctx;
  const current = currentScenarioValues(s);
  const invitedIds = (s.invitedVendorKeys ?? []).map((k) => ctx.vendorIds.get(k)!);
  const invitedNames = invitedIds.length
    ? (await db.organisation.findMany({ where: { id: { in: invitedIds } }, select: { name: true } })).map((o) => o.name)
    : [];
  const publishedAt = s.publishedDaysAgo == null ? null : new Date(now.getTime() - s.publishedDaysAgo * DAY);
  const createdAt = new Date((publishedAt ?? now).getTime() - 3 * DAY);
  const deadline = new Date(now.getTime() + current.deadlineInDays * DAY);
  const closedAt = (AFTER_CLOSE as readonly string[]).includes(s.status) ? deadline : null;
  const cancelledAt = s.status === "cancelled" ? new Date(now.getTime() - DAY) : null;
  const finalSnapshot = snapshot(current, now, invitedNames);

  const scenario = await db.scenario.create({
    data: {
      code: s.code, status: s.status, departmentId: ctx.departmentId, createdById: ctx.officerId,
      title: current.title, titleEn: current.titleEn || null, summary: current.summary, summaryEn: current.summaryEn || null,
      description: current.description, sector: current.sector, techTags: current.techTags, mechanism: current.mechanism,
      raceTeams: finalSnapshot.raceTeams, district: current.district, needType: current.needType, cooperationMode: current.cooperationMode,
      budgetMin: current.budgetMin == null ? null : BigInt(current.budgetMin), budgetMax: current.budgetMax == null ? null : BigInt(current.budgetMax),
      paymentSchedule: current.paymentSchedule, openResources: current.openResources, kpis: current.kpis, acceptanceCriteria: current.acceptanceCriteria,
      eligibility: current.eligibility, consortiumAllowed: current.consortiumAllowed, consortiumMaxMembers: current.consortiumMaxMembers,
      responsibleUnits: current.responsibleUnits, contactName: current.contactName, contactPhone: current.contactPhone, contactEmail: current.contactEmail,
      deadline, projectMonths: current.projectMonths, rubric: finalSnapshot.rubric, ...awardSettings(current),
      version: 1 + (publishedAt ? 1 + (s.amendments?.length ?? 0) : 0),
      publishedAt, closedAt, cancelledAt, cancelReason: s.cancelReason ?? null, createdAt,
      invitations: { create: invitedIds.map((orgId) => ({ orgId })) },
    },
    select: { id: true },
  });

  // Data in the shape of each action's schema (app/modules/audit/audit-events.ts), so the history parses.
  const audit = (action: string, at: Date, data: object, actorId: string | null = ctx.officerId) =>
    db.auditEvent.create({ data: { actorId, action, entityType: "scenario", entityId: scenario.id, orgId: ctx.departmentId, at, data: { ...data } } });
  await audit("scenario.create", createdAt, { code: s.code });
  if (publishedAt) {
    let previous = snapshot(s, now, invitedNames);
    await db.scenarioVersion.create({ data: { scenarioId: scenario.id, version: 1, snapshot: previous, createdById: ctx.officerId, createdAt: publishedAt } });
    await audit("scenario.publish", publishedAt, { version: 1, deadline: deadline.toISOString() });
    let values: SeedScenario = s;
    for (const [index, amendment] of (s.amendments ?? []).entries()) {
      values = { ...values, ...amendment.changes };
      const next = snapshot(values, now, invitedNames);
      const { changes, material } = diffSnapshots(previous, next);
      const at = new Date(publishedAt.getTime() + amendment.daysAfterPublish * DAY);
      await db.scenarioVersion.create({
        data: { scenarioId: scenario.id, version: index + 2, snapshot: next, changes, material, note: amendment.note, createdById: ctx.officerId, createdAt: at },
      });
      await audit("scenario.amend", at, { version: index + 2, material, note: amendment.note, changes });
      previous = next;
    }
  }
  if (closedAt) await audit("scenario.close", closedAt, { deadline: deadline.toISOString(), proposals: 0 }, null);
  if (cancelledAt) await audit("scenario.cancel", cancelledAt, { from: publishedAt ? "published" : "draft", reason: s.cancelReason ?? "" });
}
