import { saveAttachment } from "~/modules/attachments/attachments.server";
import { scheduleMilestoneDue } from "~/modules/deadlines/milestone-due.deadline.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { completeDelivery, deliveryWouldComplete } from "./completion.server";
import type { DeliveryTeamKey } from "./delivery-access.server";
import { dueInstant } from "./milestone-plan";
import { DELIVERING } from "./delivery-phase";
import { canSubmitEvidence } from "./milestone-status";
import { transitionMilestone } from "./milestone-transition.server";
import { MAX_EVIDENCE_FILES } from "~/modules/attachments/file-type";

type ScenarioKey = { id: string; departmentId: string };

const actorOf = (user: CurrentUser) => ({ id: user.id, context: user.context });

/**
 * The vendor hands in evidence for one of its milestones (first time, after a return, or late):
 * text plus up to five files checked by the attachments module, in one transaction with the move to
 * "submitted", the audit event (with each file's SHA-256) and the event to the department.
 */
export async function submitEvidence(user: CurrentUser, team: DeliveryTeamKey, input: { milestoneId: string; evidence: string }, files: File[]) {
  if (files.length > MAX_EVIDENCE_FILES) throw new AppError("dl.v.tooManyFiles", 400);
  return db.$transaction(async (tx) => {
    const m = await tx.milestone.findFirst({
      where: { id: input.milestoneId, proposalId: team.proposalId, scenario: { status: DELIVERING }, proposal: { eliminatedAt: null } },
      select: { id: true, status: true, submissions: true },
    });
    if (!m) throw new AppError("error.notFound", 404);
    if (!canSubmitEvidence(m.status)) throw new AppError("dl.error.transition", 409);
    const saved = [];
    for (const file of files) {
      saved.push(await saveAttachment({ tx, orgId: team.orgId, uploadedById: user.id, milestoneId: m.id, file }));
    }
    const round = m.submissions + 1;
    await transitionMilestone(tx, m.id, "submitted", actorOf(user), {
      where: { submissions: m.submissions },
      set: { evidenceText: input.evidence, submissions: round, submittedAt: new Date(), returnReason: null },
      audit: {
        action: "milestone.submit",
        data: { scenarioId: team.scenarioId, from: m.status, round, files: saved.map((f) => ({ id: f.id, filename: f.filename, sha256: f.sha256 })) },
      },
    });
    await emitEvent(tx, "milestone.submitted", m.id, { round });
  });
}

async function loadForDecision(milestoneId: string, key: ScenarioKey) {
  const m = await db.milestone.findFirst({
    where: { id: milestoneId, scenarioId: key.id, scenario: { departmentId: key.departmentId } },
    select: { id: true, status: true, dueAt: true, submissions: true, scenarioId: true },
  });
  if (!m) throw new AppError("error.notFound", 404);
  return m;
}

/** The department sends evidence back with written reasons and, optionally, a new date to resubmit by. */
export async function returnMilestone(user: CurrentUser, key: ScenarioKey, input: { milestoneId: string; reason: string; dueDate?: string }, now = new Date()) {
  const m = await loadForDecision(input.milestoneId, key);
  const dueAt = input.dueDate ? dueInstant(input.dueDate) : m.dueAt;
  if (!dueAt || (input.dueDate && dueAt.getTime() <= now.getTime())) throw new AppError("dl.v.dateFuture", 400);
  await db.$transaction(async (tx) => {
    await transitionMilestone(tx, m.id, "returned", actorOf(user), {
      where: { submissions: m.submissions },
      set: { returnReason: input.reason, decidedAt: now, dueAt, remindedAt: dueAt.getTime() === m.dueAt.getTime() ? undefined : null },
      audit: { action: "milestone.return", data: { scenarioId: m.scenarioId, reason: input.reason, dueAt: dueAt.toISOString() } },
    });
    if (dueAt.getTime() !== m.dueAt.getTime()) await scheduleMilestoneDue(tx, { id: m.id, dueAt }, now);
    await emitEvent(tx, "milestone.returned", m.id, { round: m.submissions, reason: input.reason });
  });
}

export type AcceptInput = { milestoneId: string; note: string; solution: string; results: string[] };

/**
 * The department accepts evidence. When it is the last open milestone (and, in a horse race, every
 * gate is decided) the scenario completes in the same transaction and its case is published: the
 * acceptance then needs the case's solution summary and a result per KPI (completion.server.ts).
 */
export async function acceptMilestone(user: CurrentUser, key: ScenarioKey, input: AcceptInput, now = new Date()): Promise<{ completed: boolean }> {
  const m = await loadForDecision(input.milestoneId, key);
  return db.$transaction(async (tx) => {
    await transitionMilestone(tx, m.id, "accepted", actorOf(user), {
      where: { submissions: m.submissions },
      set: { decidedAt: now, acceptNote: input.note || null, returnReason: null },
      audit: { action: "milestone.accept", data: { scenarioId: m.scenarioId, note: input.note } },
    });
    await emitEvent(tx, "milestone.accepted", m.id);
    if (!(await deliveryWouldComplete(tx, m.scenarioId))) return { completed: false };
    await completeDelivery(tx, m.scenarioId, actorOf(user), { solution: input.solution, results: input.results }, now);
    return { completed: true };
  });
}
