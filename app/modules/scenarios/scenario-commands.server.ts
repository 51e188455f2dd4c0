import { EDITABLE_STATUSES } from "~/modules/proposals/proposal-status";
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { ScenarioInput } from "./schema";
import { nextScenarioCode } from "./scenario-code.server";
import { diffSnapshots, type FieldChange } from "./scenario-diff";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { assertAmendable, assertTransition, canEdit } from "./scenario-status";
import { transitionScenario } from "./scenario-transition.server";
import { deadlineChangeRefusal } from "./deadline-change";
import { scheduleScenarioClose } from "~/modules/deadlines/scenario-close.deadline.server";
import { saveAttachment } from "~/modules/attachments/attachments.server";
import {
  assertVersion, loadCurrent, recordChange, replaceInvitations, resolveInvited, scenarioData, snapshotOfData,
  type Actor, type ScenarioKey,
} from "./scenario-write.server";

// Every command is one transaction: the change, its audit event and its search-sync job commit together.
// A material amendment and a cancellation enqueue their event in the same transaction; the worker then
// notifies the interested vendors (notifications/fan-out.server.ts), however many there are.

type Versioned = ScenarioKey & { version: number };

function conflict(): never {
  throw new AppError("error.conflict", 409);
}

export async function createDraft(actor: Actor, departmentId: string, input: ScenarioInput) {
  return db.$transaction(async (tx) => {
    const invited = await resolveInvited(tx, input);
    const code = await nextScenarioCode(tx);
    const scenario = await tx.scenario.create({
      data: {
        ...scenarioData(input),
        code,
        departmentId,
        createdById: actor.id,
        invitations: { create: invited.map((o) => ({ orgId: o.id })) },
      },
      select: { id: true, code: true },
    });
    await recordChange(tx, actor, { id: scenario.id, departmentId }, "scenario.create", { code });
    return scenario;
  });
}

/** Saves a draft; `version` is what the officer loaded, so a save over someone else's newer edit is refused. */
export async function updateDraft(actor: Actor, key: Versioned, input: ScenarioInput) {
  return db.$transaction(async (tx) => {
    const { row, snapshot } = await loadCurrent(tx, key);
    if (!canEdit(row.status)) throw new AppError("sv.notDraft", 409);
    assertVersion(row.version, key.version);
    const invited = await resolveInvited(tx, input);
    const data = scenarioData(input);
    const { changes } = diffSnapshots(snapshot, snapshotOfData(data, invited));
    // The version in the WHERE makes the check atomic: a concurrent save that won the race leaves count 0.
    const { count } = await tx.scenario.updateMany({
      where: { id: key.id, departmentId: key.departmentId, status: "draft", version: key.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) conflict();
    await replaceInvitations(tx, key.id, invited);
    await recordChange(tx, actor, key, "scenario.update", { fields: changes.map((c) => c.field) });
    return { id: row.id, code: row.code };
  });
}

/** draft → published. The deadline must still be ahead (server time); the first version is recorded. */
export async function publishScenario(actor: Actor, key: Versioned, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { row, snapshot } = await loadCurrent(tx, key);
    assertTransition(row.status, "published");
    assertVersion(row.version, key.version);
    if (row.deadline.getTime() <= now.getTime()) throw new AppError("sv.deadlinePast", 422);
    // A draft has no published versions yet: this is version 1.
    const version = await nextVersionNumber(tx, key.id);
    await transitionScenario(tx, key, "published", actor, {
      where: { version: key.version },
      set: { publishedAt: now },
      audit: { action: "scenario.publish", data: { version, deadline: row.deadline.toISOString() } },
    });
    await tx.scenarioVersion.create({
      data: { scenarioId: key.id, version, snapshot, changes: [], material: false, note: "", createdById: actor.id },
    });
    await scheduleScenarioClose(tx, { id: key.id, deadline: row.deadline });
    return { id: row.id, code: row.code };
  });
}

/**
 * A published scenario changes only by amendment: a new version with the field-level diff and a note.
 * `material` marks changes vendors must hear about (deadline, budget, KPIs, eligibility).
 */
export async function amendScenario(actor: Actor, key: Versioned, input: ScenarioInput, note: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { row, snapshot } = await loadCurrent(tx, key);
    assertAmendable(row.status);
    assertVersion(row.version, key.version);
    const refusal = deadlineChangeRefusal({
      current: row.deadline,
      proposed: input.deadline,
      now,
      submittedProposals: await countEverSubmitted(tx, key.id),
    });
    if (refusal) throw new AppError(refusal, refusal === "sv.deadlineClosed" ? 409 : 422);
    const invited = await resolveInvited(tx, input);
    // The award and notice settings change like any other field. An amendment is only possible before
    // the deadline, long before any notice: the period is frozen into the award decision when it is
    // made (ADR 008) and the objection contact is only read once a notice is published, so changing
    // them now alters no running notice. The pass mark is a term the invited organisation prepares
    // against, so changing it is material.
    const data = scenarioData(input);
    // The form does not carry files: they stay as they are (and change through addScenarioFile).
    const after = snapshotOfData(data, invited, snapshot.attachments);
    const { changes, material } = diffSnapshots(snapshot, after);
    if (changes.length === 0) throw new AppError("sv.noChanges", 422);
    const { count } = await tx.scenario.updateMany({
      // Still open at `now`: the closing job and this amendment cannot both win.
      where: { id: key.id, departmentId: key.departmentId, status: "published", version: key.version, deadline: { gt: now } },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) conflict();
    await replaceInvitations(tx, key.id, invited);
    const version = await nextVersionNumber(tx, key.id);
    const changesJson = changes as unknown as Prisma.InputJsonValue;
    await tx.scenarioVersion.create({
      data: { scenarioId: key.id, version, snapshot: after, changes: changesJson, material, note, createdById: actor.id },
    });
    await recordChange(tx, actor, key, "scenario.amend", { version, material, note, changes });
    await announceAmendment(tx, key.id, version, material, now);
    // A moved deadline gets its own close job; the old one finds the deadline not yet passed and does nothing.
    if (input.deadline.getTime() !== row.deadline.getTime()) await scheduleScenarioClose(tx, { id: key.id, deadline: input.deadline });
    return { id: row.id, code: row.code, version, material, changes: changes satisfies FieldChange[] };
  });
}

/** draft/published (and a failed call after the deadline) → cancelled, always with a reason. */
export async function cancelScenario(actor: Actor, key: ScenarioKey, reason: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { row } = await loadCurrent(tx, key);
    await transitionScenario(tx, key, "cancelled", actor, {
      set: { cancelledAt: now, cancelReason: reason },
      audit: { action: "scenario.cancel", data: { from: row.status, reason } },
    });
    await emitEvent(tx, "scenario.cancelled", key.id);
    return { id: row.id, code: row.code, from: row.status };
  });
}

// A proposal that left the draft state was submitted at least once (withdrawn ones included).
function countEverSubmitted(tx: Tx, scenarioId: string): Promise<number> {
  return tx.proposal.count({ where: { scenarioId, OR: [{ submittedAt: { not: null } }, { NOT: { status: "draft" } }] } });
}

/**
 * Only a MATERIAL amendment (scenario-diff MATERIAL_FIELDS) is announced. It also marks the drafts and
 * submitted proposals "changed since you wrote this" (the proposal pages show the banner from
 * `scenarioChangedAt`) — one UPDATE, part of the amendment itself. A summary-only edit stays in the
 * version history.
 */
async function announceAmendment(tx: Tx, scenarioId: string, version: number, material: boolean, now: Date): Promise<void> {
  if (!material) return;
  await tx.proposal.updateMany({
    where: { scenarioId, status: { in: [...EDITABLE_STATUSES] } },
    data: { scenarioChangedAt: now },
  });
  await emitEvent(tx, "scenario.amended", scenarioId, { version });
}

// Published versions are numbered 1, 2, 3… (Scenario.version counts every save, drafts included).
// The conditional update above holds the row lock, so concurrent amendments cannot pick the same number.
async function nextVersionNumber(tx: Tx, scenarioId: string): Promise<number> {
  const { _max } = await tx.scenarioVersion.aggregate({ where: { scenarioId }, _max: { version: true } });
  return (_max.version ?? 0) + 1;
}

/**
 * A file added to a published scenario is a material amendment: saved with the new version, the diff
 * (file names before/after), the audit event, the search sync and the notices, in one transaction.
 */
export async function addScenarioFile(actor: Actor, key: ScenarioKey, file: File, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { row, snapshot } = await loadCurrent(tx, key);
    assertAmendable(row.status);
    if (row.deadline.getTime() <= now.getTime()) throw new AppError("sv.deadlineClosed", 409);
    const saved = await saveAttachment({ tx, orgId: key.departmentId, uploadedById: actor.id, scenarioId: key.id, file });
    const after = { ...snapshot, attachments: [...snapshot.attachments, saved.filename] };
    const { changes, material } = diffSnapshots(snapshot, after);
    const { count } = await tx.scenario.updateMany({
      where: { id: key.id, departmentId: key.departmentId, status: "published", version: row.version, deadline: { gt: now } },
      data: { version: { increment: 1 } },
    });
    if (count === 0) conflict();
    const version = await nextVersionNumber(tx, key.id);
    const changesJson = changes as unknown as Prisma.InputJsonValue;
    const note = `新增附件 / File added: ${saved.filename}`;
    await tx.scenarioVersion.create({
      data: { scenarioId: key.id, version, snapshot: after, changes: changesJson, material, note, createdById: actor.id },
    });
    await recordChange(tx, actor, key, "scenario.amend", { version, material, note, changes });
    await announceAmendment(tx, key.id, version, material, now);
    return { id: row.id, version, attachmentId: saved.id };
  });
}
