import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuditData, ScenarioAuditAction } from "~/modules/audit/audit-events";
import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import type { ScenarioInput } from "./schema";
import { wanToYuan } from "./schema";
import { snapshotOf, type ScenarioSnapshot } from "./scenario-diff";
import { contentSelect, snapshotOfRow } from "./scenario-selects.server";

// Shared steps of the scenario commands; every one of them runs inside the caller's transaction.

export type Actor = { id: string };
export type ScenarioKey = { id: string; departmentId: string };

function toBigInt(yuan: number | null): bigint | null {
  return yuan == null ? null : BigInt(yuan);
}

/** Form values → columns. Fields that only mean something for one mechanism are cleared for the others. */
export function scenarioData(input: ScenarioInput) {
  return {
    title: input.title,
    titleEn: input.titleEn,
    summary: input.summary,
    summaryEn: input.summaryEn,
    description: input.description,
    sector: input.sector,
    techTags: [...new Set(input.techTags)],
    mechanism: input.mechanism,
    raceTeams: input.mechanism === "horse_race" ? (input.raceTeams ?? null) : null,
    district: input.district,
    needType: input.needType,
    cooperationMode: input.cooperationMode,
    budgetMin: toBigInt(wanToYuan(input.budgetMin)),
    budgetMax: toBigInt(wanToYuan(input.budgetMax)),
    paymentSchedule: input.paymentSchedule,
    openResources: input.openResources,
    kpis: input.kpis,
    acceptanceCriteria: input.acceptanceCriteria,
    eligibility: input.eligibility,
    consortiumAllowed: input.consortiumAllowed,
    consortiumMaxMembers: input.consortiumAllowed ? (input.consortiumMaxMembers ?? 0) : 0,
    responsibleUnits: input.responsibleUnits,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    deadline: input.deadline,
    projectMonths: input.projectMonths ?? null,
    rubric: input.rubric,
    passMark: input.mechanism === "directed" ? (input.passMark ?? null) : null,
    noticeDays: input.noticeDays,
    showEvaluatorNames: input.showEvaluatorNames,
    objectionContact: input.objectionContact,
  } satisfies Prisma.ScenarioUncheckedUpdateManyInput;
}

export type ScenarioData = ReturnType<typeof scenarioData>;

/** Invited organisations must exist and be vendors or institutes; a tampered id is refused, not ignored. */
export async function resolveInvited(tx: Tx, input: ScenarioInput): Promise<{ id: string; name: string }[]> {
  if (input.mechanism !== "directed") return [];
  const ids = [...new Set(input.invitedOrgIds)];
  const orgs = await tx.organisation.findMany({
    where: { id: { in: ids }, type: { in: ["vendor", "institute"] } },
    select: { id: true, name: true },
  });
  if (orgs.length !== ids.length) throw new AppError("sv.invitedUnknown", 400);
  return orgs;
}

export async function replaceInvitations(tx: Tx, scenarioId: string, invited: { id: string }[]): Promise<void> {
  await tx.scenarioInvitation.deleteMany({ where: { scenarioId } });
  if (invited.length > 0) {
    await tx.scenarioInvitation.createMany({ data: invited.map((o) => ({ scenarioId, orgId: o.id })) });
  }
}

export function snapshotOfData(data: ScenarioData, invited: { name: string }[], attachments: string[] = []): ScenarioSnapshot {
  return snapshotOf({ ...data, invitedOrgs: invited.map((o) => o.name), attachments });
}

/** The scenario as stored, scoped to its department; 404 when it is not theirs. */
export async function loadCurrent(tx: Tx, key: ScenarioKey) {
  const row = await tx.scenario.findFirst({
    where: { id: key.id, departmentId: key.departmentId },
    select: { ...contentSelect, id: true, code: true, status: true, version: true },
  });
  if (!row) throw new AppError("error.notFound", 404);
  return { row, snapshot: snapshotOfRow(row) };
}

export function assertVersion(current: number, submitted: number): void {
  if (current !== submitted) throw new AppError("error.conflict", 409, { current, submitted });
}

/**
 * Every change is audited and queued for the search index in the same transaction, so neither
 * exists for a change that rolled back, and neither is missing for one that committed.
 */
export async function recordChange<A extends ScenarioAuditAction>(
  tx: Tx,
  actor: Actor,
  key: ScenarioKey,
  action: A,
  data: AuditData<A>,
): Promise<void> {
  await recordAudit(tx, { actor, action, entityId: key.id, orgId: key.departmentId, data });
  await enqueue(tx, QUEUES.searchSync, { kind: "scenario", id: key.id });
}
