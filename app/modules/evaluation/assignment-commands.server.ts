import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { scheduleEvaluationReminders } from "~/modules/deadlines/evaluation-due.deadline.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { ACTIVE_ASSIGNMENT_STATUSES } from "./assignment-status";
import { transitionAssignment } from "./assignment-transition.server";
import { precheckConflicts } from "./conflict-precheck.server";
import { acceptsAssignments, startsEvaluation } from "./evaluation-phase";
import { poolMemberWhere } from "./evaluator-pool.server";

/** The scenario the department (or an admin) acts on; `departmentId` scopes every write to it. */
export type ScenarioKey = { id: string; departmentId: string };

// Assignments of one scenario are decided one at a time: the first one moves the scenario to
// evaluating, and the blind flag may change only while there is none.
async function lockScenario(tx: Tx, scenarioId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`evaluation:${scenarioId}`}))`;
}

async function readScenario(tx: Tx, key: ScenarioKey) {
  const s = await tx.scenario.findFirst({
    where: { id: key.id, departmentId: key.departmentId },
    select: { id: true, status: true, blindReview: true, evaluationDueAt: true, _count: { select: { assignments: true } } },
  });
  if (!s) throw new AppError("error.notFound", 404);
  if (!acceptsAssignments(s.status)) throw new AppError("ea.error.notInEvaluation", 409, { status: s.status });
  return s;
}

/**
 * Sets the due date and the blind-review flag. Blind review can change only before any evaluator
 * has been assigned (an evaluator who saw names cannot unsee them); the due date moves every standing
 * assignment with it, and their reminders are scheduled for the new date.
 */
export async function updateEvaluationSettings(actor: AuditActor, key: ScenarioKey, input: { dueAt: Date; blindReview: boolean }, now = new Date()) {
  if (input.dueAt.getTime() <= now.getTime()) throw new AppError("ea.v.duePast", 400);
  return db.$transaction(async (tx) => {
    await lockScenario(tx, key.id);
    const s = await readScenario(tx, key);
    if (input.blindReview !== s.blindReview && s._count.assignments > 0) throw new AppError("ea.error.blindLocked", 409);
    await tx.scenario.update({ where: { id: s.id }, data: { evaluationDueAt: input.dueAt, blindReview: input.blindReview } });
    const standing = await tx.evaluationAssignment.findMany({
      where: { scenarioId: s.id, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } }, select: { id: true },
    });
    await tx.evaluationAssignment.updateMany({ where: { id: { in: standing.map((a) => a.id) } }, data: { dueAt: input.dueAt } });
    await recordAudit(tx, {
      actor, action: "scenario.evaluationSettings", entityId: s.id, orgId: key.departmentId,
      data: {
        dueAt: input.dueAt.toISOString(), blindReview: input.blindReview,
        before: { dueAt: s.evaluationDueAt?.toISOString() ?? null, blindReview: s.blindReview },
      },
    });
    for (const a of standing) await scheduleEvaluationReminders(tx, { id: a.id, dueAt: input.dueAt }, now);
  });
}

/**
 * Assigns one expert of the pool. Refused when the due date is not set or has passed, when the expert
 * is not an active pool member, already has an assignment on the scenario (a decline is final), or
 * the pre-check finds a conflict on any proposal under review. The first assignment moves the
 * scenario closed → evaluating (audited "scenario.evaluate"); the expert is notified through the
 * event registry and reminded before the due date.
 */
export async function assignEvaluator(actor: AuditActor, key: ScenarioKey, evaluatorId: string, now = new Date()) {
  const precheck = await precheckConflicts(key.id, evaluatorId, now);
  return db.$transaction(async (tx) => {
    await lockScenario(tx, key.id);
    const s = await readScenario(tx, key);
    if (!s.evaluationDueAt) throw new AppError("ea.error.noDueDate", 409);
    if (s.evaluationDueAt.getTime() <= now.getTime()) throw new AppError("ea.error.duePassed", 409);
    const expert = await tx.user.findFirst({ where: { id: evaluatorId, ...poolMemberWhere }, select: { id: true } });
    if (!expert) throw new AppError("ea.error.notInPool", 404);
    const existing = await tx.evaluationAssignment.findUnique({ where: { scenarioId_evaluatorId: { scenarioId: s.id, evaluatorId } }, select: { id: true } });
    if (existing) throw new AppError("ea.error.alreadyAssigned", 409);
    if (precheck.conflicted) throw new AppError("ea.error.conflicted", 409);

    const assignment = await tx.evaluationAssignment.create({
      data: { scenarioId: s.id, evaluatorId, dueAt: s.evaluationDueAt, assignedById: actor.id, status: "invited" },
      select: { id: true, dueAt: true },
    });
    if (startsEvaluation(s.status)) {
      await transitionScenario(tx, key, "evaluating", actor, {
        audit: { action: "scenario.evaluate", data: { assignmentId: assignment.id, evaluatorId } },
      });
    }
    await recordAudit(tx, {
      actor, action: "evaluation.assign", entityId: assignment.id, orgId: key.departmentId,
      data: { scenarioId: s.id, evaluatorId, dueAt: assignment.dueAt.toISOString() },
    });
    await emitEvent(tx, "evaluation.assigned", assignment.id);
    await scheduleEvaluationReminders(tx, assignment, now);
    return assignment;
  });
}

/** The expert accepts their own invitation; from then on they declare conflicts, then read and score. */
export async function acceptAssignment(actor: AuditActor, assignmentId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { scenarioId, scenarioStatus } = await ownAssignment(tx, actor.id, assignmentId);
    // A call cancelled (or already decided) after the invitation is no longer open to evaluate.
    if (!acceptsAssignments(scenarioStatus)) throw new AppError("ea.error.notInEvaluation", 409);
    await transitionAssignment(tx, { id: assignmentId, evaluatorId: actor.id }, "accepted", actor, {
      set: { respondedAt: now },
      audit: { action: "evaluation.accept", data: { scenarioId } },
    });
  });
}

/** The expert declines their own invitation with a reason; the department's officers are asked for a replacement. */
export async function declineAssignment(actor: AuditActor, assignmentId: string, reason: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { scenarioId } = await ownAssignment(tx, actor.id, assignmentId);
    await transitionAssignment(tx, { id: assignmentId, evaluatorId: actor.id }, "declined", actor, {
      set: { respondedAt: now, declineReason: reason },
      audit: { action: "evaluation.decline", data: { scenarioId, reason } },
    });
    await emitEvent(tx, "evaluation.declined", assignmentId);
  });
}

async function ownAssignment(tx: Tx, evaluatorId: string, assignmentId: string) {
  const row = await tx.evaluationAssignment.findFirst({ where: { id: assignmentId, evaluatorId }, select: { scenarioId: true, scenario: { select: { status: true } } } });
  if (!row) throw new AppError("error.notFound", 404);
  return { scenarioId: row.scenarioId, scenarioStatus: row.scenario.status };
}
