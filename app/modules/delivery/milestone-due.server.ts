import { recordAudit } from "~/modules/audit/audit.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { DELIVERING } from "./delivery-phase";
import { dueAction, REMIND_BEFORE_MS } from "./milestone-due";
import { OWED_STATUSES } from "./milestone-status";
import { transitionMilestone } from "./milestone-transition.server";

// A milestone counts while its scenario is in delivery and its team was not stopped at a gate.
const liveMilestone = { scenario: { status: DELIVERING }, proposal: { eliminatedAt: null } };

/**
 * Acts on one milestone's due date if its time has come: a reminder before it, the overdue flag
 * after it. Idempotent: the overdue move is conditional on the status read and the reminder on
 * `remindedAt`, so the exact job, its retries and the sweep together act once. Returns whether it acted.
 */
export async function handleMilestoneDue(milestoneId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const m = await tx.milestone.findFirst({
      where: { id: milestoneId, ...liveMilestone },
      select: { id: true, status: true, dueAt: true, remindedAt: true, scenarioId: true, orgId: true },
    });
    if (!m) return false;
    const action = dueAction(m, now);
    if (action === "overdue") {
      await transitionMilestone(tx, m.id, "overdue", null, {
        where: { dueAt: m.dueAt },
        audit: { action: "milestone.overdue", data: { scenarioId: m.scenarioId, dueAt: m.dueAt.toISOString(), from: m.status } },
      });
      await emitEvent(tx, "milestone.overdue", m.id, { dueAt: m.dueAt.toISOString() });
      return true;
    }
    if (action === "remind") {
      const { count } = await tx.milestone.updateMany({
        where: { id: m.id, status: m.status, dueAt: m.dueAt, remindedAt: m.remindedAt },
        data: { remindedAt: now },
      });
      if (count === 0) return false;
      await recordAudit(tx, { actor: null, action: "milestone.remind", entityId: m.id, orgId: m.orgId, data: { scenarioId: m.scenarioId, dueAt: m.dueAt.toISOString() } });
      await emitEvent(tx, "milestone.reminder", m.id, { dueAt: m.dueAt.toISOString() });
      return true;
    }
    return false;
  }).catch((error: unknown) => {
    // Another worker moved it first (409): nothing left to do here.
    if (error instanceof AppError && error.status === 409) return false;
    throw error;
  });
}

const SWEEP_BATCH = 500;

/** Every owed milestone due within the reminder window or already past it; handleMilestoneDue decides. */
export async function sweepMilestonesDue(now = new Date()): Promise<number> {
  const candidates = await db.milestone.findMany({
    where: { status: { in: [...OWED_STATUSES] }, dueAt: { lte: new Date(now.getTime() + REMIND_BEFORE_MS) }, ...liveMilestone },
    select: { id: true, status: true, dueAt: true, remindedAt: true },
    orderBy: { dueAt: "asc" },
    take: SWEEP_BATCH,
  });
  let acted = 0;
  for (const c of candidates) {
    if (dueAction(c, now) && (await handleMilestoneDue(c.id, now))) acted += 1;
  }
  return acted;
}
