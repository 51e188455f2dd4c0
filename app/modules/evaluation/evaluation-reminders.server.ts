import { recordAudit } from "~/modules/audit/audit.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db } from "~/utils/db.server";
import { ACTIVE_ASSIGNMENT_STATUSES, isActiveAssignment } from "./assignment-status";
import { assignmentProgress } from "./assignment-progress";
import { workOfMany } from "./assignment-work.server";
import { acceptsAssignments } from "./evaluation-phase";
import { reminderDue } from "./reminder-stage";

/**
 * Reminds one evaluator of the due date if the current stage (two days / one day before) has not been
 * sent and they still have work: proposals not declared on, or cleared proposals without a submitted
 * score sheet. Idempotent: `remindedAt` is set conditionally (only if nothing was sent since the stage
 * began), so a retried job, the sweep and the exact job together send one reminder per stage.
 * A moved due date starts its stages afresh. Returns whether a reminder was sent.
 */
export async function remindAssignment(assignmentId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const a = await tx.evaluationAssignment.findUnique({
      where: { id: assignmentId },
      select: { id: true, status: true, dueAt: true, remindedAt: true, scenarioId: true, scenario: { select: { status: true, departmentId: true } } },
    });
    if (!a || !isActiveAssignment(a.status) || !acceptsAssignments(a.scenario.status)) return false;
    const due = reminderDue(a, now);
    if (!due) return false;
    const progress = assignmentProgress((await workOfMany([a], tx)).get(a.id) ?? []);
    if (progress.outstanding === 0) return false;
    const { count } = await tx.evaluationAssignment.updateMany({
      where: { id: a.id, status: a.status, dueAt: a.dueAt, OR: [{ remindedAt: null }, { remindedAt: { lt: due.startsAt } }] },
      data: { remindedAt: now },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actor: null, action: "evaluation.remind", entityId: a.id, orgId: a.scenario.departmentId,
      data: { scenarioId: a.scenarioId, stage: due.stage, outstanding: progress.outstanding },
    });
    await emitEvent(tx, "evaluation.reminder", a.id, { stage: due.stage, dueAt: a.dueAt.toISOString() });
    return true;
  });
}

const SWEEP_BATCH = 500;
const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * The windowed sweep: every active assignment whose due date is within the next two days is checked
 * (remindAssignment decides, so repeated sweeps send nothing twice). Catches what a lost job, a moved
 * due date or a stopped worker left behind.
 */
export async function sweepReminders(now = new Date()): Promise<number> {
  const candidates = await db.evaluationAssignment.findMany({
    where: { status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] }, dueAt: { gt: now, lte: new Date(now.getTime() + TWO_DAYS_MS) } },
    select: { id: true, dueAt: true, remindedAt: true },
    orderBy: { dueAt: "asc" },
    take: SWEEP_BATCH,
  });
  let sent = 0;
  for (const c of candidates) {
    if (reminderDue(c, now) && (await remindAssignment(c.id, now))) sent += 1;
  }
  return sent;
}
