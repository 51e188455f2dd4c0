import { saveAttachment } from "~/modules/attachments/attachments.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { deliveryWouldComplete } from "./completion.server";
import type { DeliveryTeamKey } from "./delivery-access.server";
import { checkDownSelection, checkNewGate, type TeamDecision } from "./gate-rules";
import { dueInstant } from "./milestone-plan";
import { GATE_STATUSES } from "./delivery-phase";
import { MAX_EVIDENCE_FILES } from "~/modules/attachments/file-type";

type ScenarioKey = { id: string; departmentId: string };
const actorOf = (user: CurrentUser) => ({ id: user.id, context: user.context });
// Gates belong to a horse race that has been awarded and is not finished.
const RACE_OPEN = { mechanism: "horse_race" as const, status: { in: GATE_STATUSES } };

function firstIssue(issues: readonly string[]): never {
  throw new AppError(issues[0] as "dl.gate.count", 400);
}

async function aliveTeams(scenarioId: string) {
  return db.proposal.findMany({ where: { scenarioId, status: "awarded", eliminatedAt: null }, select: { id: true, orgId: true }, orderBy: { createdAt: "asc" } });
}

/** The department declares the next stage gate of its horse race: name, date, metrics, how many continue. */
export async function declareGate(user: CurrentUser, key: ScenarioKey, input: { name: string; dueDate: string; metrics: string[]; continuing: number }, now = new Date()) {
  const scenario = await db.scenario.findFirst({ where: { id: key.id, departmentId: key.departmentId, ...RACE_OPEN }, select: { id: true } });
  if (!scenario) throw new AppError("dl.gate.notRace", 409);
  const dueAt = dueInstant(input.dueDate);
  if (!dueAt || dueAt.getTime() <= now.getTime()) throw new AppError("dl.v.dateFuture", 400);
  const [gates, teams] = await Promise.all([
    db.stageGate.findMany({ where: { scenarioId: key.id }, select: { id: true, position: true, dueAt: true, continuing: true, decidedAt: true } }),
    aliveTeams(key.id),
  ]);
  const issues = checkNewGate(gates, teams.length, { dueAt, continuing: input.continuing });
  if (issues.length) firstIssue(issues);
  await db.$transaction(async (tx) => {
    const gate = await tx.stageGate.create({
      data: { scenarioId: key.id, position: gates.length + 1, name: input.name, dueAt, metrics: input.metrics, continuing: input.continuing },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actorOf(user), action: "gate.declare", entityId: gate.id, orgId: key.departmentId,
      data: { scenarioId: key.id, name: input.name, dueAt: dueAt.toISOString(), metrics: input.metrics, continuing: input.continuing },
    });
  });
}

/** A team still in the race reports its metric values for an undecided gate (again until it is decided). */
export async function reportGate(user: CurrentUser, team: DeliveryTeamKey, input: { gateId: string; values: string[]; note: string }, files: File[]) {
  if (files.length > MAX_EVIDENCE_FILES) throw new AppError("dl.v.tooManyFiles", 400);
  const gate = await db.stageGate.findFirst({
    where: { id: input.gateId, scenarioId: team.scenarioId, decidedAt: null, scenario: RACE_OPEN },
    select: { id: true, metrics: true },
  });
  const alive = await db.proposal.count({ where: { id: team.proposalId, eliminatedAt: null } });
  if (!gate || alive === 0) throw new AppError("error.notFound", 404);
  if (input.values.length !== gate.metrics.length) throw new AppError("dl.v.metricValue", 400);
  const values = gate.metrics.map((metric, i) => ({ metric, value: input.values[i]! }));
  await db.$transaction(async (tx) => {
    const report = await tx.gateReport.upsert({
      where: { gateId_proposalId: { gateId: gate.id, proposalId: team.proposalId } },
      create: { gateId: gate.id, proposalId: team.proposalId, orgId: team.orgId, values, note: input.note, submittedById: user.id },
      update: { values, note: input.note, submittedById: user.id, submittedAt: new Date() },
      select: { id: true },
    });
    for (const file of files) await saveAttachment({ tx, orgId: team.orgId, uploadedById: user.id, gateReportId: report.id, file });
    await recordAudit(tx, { actor: actorOf(user), action: "gate.report", entityId: gate.id, orgId: team.orgId, data: { scenarioId: team.scenarioId, proposalId: team.proposalId, values } });
  });
}

/**
 * The department decides a gate: who continues, each with a written reason. Teams that stop are
 * marked eliminated (their open milestones stop counting); every team hears through gate.decided,
 * and the decision shows on the public scenario page. `readyToComplete`: the decision left nothing
 * open (the last gate, every continuing team's milestones already accepted), so the department is
 * told to complete the delivery with its case text (completeReadyDelivery).
 */
export async function decideGate(user: CurrentUser, key: ScenarioKey, gateId: string, decisions: TeamDecision[], now = new Date()): Promise<{ readyToComplete: boolean }> {
  const scenario = await db.scenario.findFirst({ where: { id: key.id, departmentId: key.departmentId, ...RACE_OPEN }, select: { id: true } });
  if (!scenario) throw new AppError("dl.gate.notRace", 409);
  const [gates, teams] = await Promise.all([
    db.stageGate.findMany({ where: { scenarioId: key.id }, select: { id: true, position: true, dueAt: true, continuing: true, decidedAt: true } }),
    aliveTeams(key.id),
  ]);
  if (!gates.some((g) => g.id === gateId)) throw new AppError("error.notFound", 404);
  const reported = await db.gateReport.findMany({ where: { gateId }, select: { proposalId: true } });
  const issues = checkDownSelection(gates, gateId, teams.map((t) => t.id), reported.map((r) => r.proposalId), decisions, now);
  if (issues.length) firstIssue(issues);
  const orgOf = new Map(teams.map((t) => [t.id, t.orgId]));
  await db.$transaction(async (tx) => {
    // Conditional on the gate still being open: of two officers deciding at once, one wins.
    const { count } = await tx.stageGate.updateMany({ where: { id: gateId, decidedAt: null }, data: { decidedAt: now, decidedById: user.id } });
    if (count === 0) throw new AppError("error.conflict", 409);
    await tx.gateOutcome.createMany({ data: decisions.map((d) => ({ gateId, proposalId: d.proposalId, continues: d.continues, reason: d.reason.trim() })) });
    const stopped = decisions.filter((d) => !d.continues).map((d) => d.proposalId);
    if (stopped.length) await tx.proposal.updateMany({ where: { id: { in: stopped }, eliminatedAt: null }, data: { eliminatedAt: now } });
    await recordAudit(tx, {
      actor: actorOf(user), action: "gate.decide", entityId: gateId, orgId: key.departmentId,
      data: { scenarioId: key.id, outcomes: decisions.map((d) => ({ proposalId: d.proposalId, orgId: orgOf.get(d.proposalId)!, continues: d.continues, reason: d.reason.trim() })) },
    });
    await emitEvent(tx, "gate.decided", gateId);
  });
  return { readyToComplete: await deliveryWouldComplete(db, key.id) };
}
