import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { MembershipInfo } from "~/utils/permissions.server";
import { sheetTotal } from "./aggregate";
import { listCriteria, toCriterionDefs } from "./criteria.server";
import { findEvaluatorGrant, type EvaluatorGrant } from "./evaluation-access.server";
import { REOPEN_REASON_MAX, REOPEN_REASON_MIN, isComplete, type ScoreSheetInput } from "./score-schema";
import { assertSheetTransition, isScoringOpen, isSheetEditable } from "./score-sheet-status";

/**
 * Score sheet commands (SPEC §4 "Evaluation"). Each is one transaction: the conditional update of the
 * sheet (on the status and version read, DESIGN §4.11), its scores and its typed audit event commit
 * together. A submitted sheet is locked: saving or submitting it again answers 409 and changes
 * nothing; only an officer of the scenario's department reopens it, with a written reason that is
 * audited and announced to the evaluator.
 */

export type SheetKey = { assignmentId: string; proposalId: string };
export type SheetActor = AuditActor;
export type OfficerActor = AuditActor & { memberships: Pick<MembershipInfo, "orgId" | "role">[] };

async function requireGrant(actor: SheetActor, key: SheetKey): Promise<EvaluatorGrant> {
  const grant = await findEvaluatorGrant(actor.id, key.assignmentId, key.proposalId);
  if (!grant) throw new AppError("error.notFound", 404);
  return grant;
}

async function requireScoringOpen(tx: Tx, scenarioId: string) {
  const scenario = await tx.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { status: true, departmentId: true } });
  if (!isScoringOpen(scenario.status)) throw new AppError("es.scoringClosed", 409);
  return scenario;
}

/** Why a conditional update matched nothing: the sheet was submitted meanwhile (locked), or someone saved first. */
async function lostRace(tx: Tx, sheetId: string): Promise<never> {
  const now = await tx.scoreSheet.findUnique({ where: { id: sheetId }, select: { status: true } });
  throw new AppError(now?.status === "submitted" ? "es.locked" : "error.conflict", 409);
}

/**
 * Writes the draft: creates the sheet on the first save (`version` 0), otherwise updates it only if
 * it is still the draft of that version. Returns the new version.
 */
async function writeDraft(tx: Tx, grant: EvaluatorGrant, version: number, input: ScoreSheetInput, criterionIds: Set<string>) {
  const where = { assignmentId: grant.assignmentId, proposalId: grant.proposalId };
  const existing = await tx.scoreSheet.findUnique({ where: { assignmentId_proposalId: where }, select: { id: true, status: true, version: true } });
  let sheet: { id: string; version: number };
  if (!existing) {
    if (version !== 0) throw new AppError("error.conflict", 409);
    // ON CONFLICT DO NOTHING: two tabs creating at once — the loser gets a 409, not an aborted transaction.
    const [created] = await tx.scoreSheet.createManyAndReturn({ data: [{ ...where, comment: input.comment }], skipDuplicates: true, select: { id: true, version: true } });
    if (!created) throw new AppError("error.conflict", 409);
    sheet = created;
  } else {
    if (!isSheetEditable(existing.status)) throw new AppError("es.locked", 409);
    const { count } = await tx.scoreSheet.updateMany({
      where: { id: existing.id, status: "draft", version },
      data: { comment: input.comment, version: { increment: 1 } },
    });
    if (count === 0) await lostRace(tx, existing.id);
    sheet = { id: existing.id, version: version + 1 };
  }
  const rows = input.scores.filter((s) => criterionIds.has(s.criterionId));
  await tx.score.deleteMany({ where: { sheetId: sheet.id, criterionId: { in: rows.map((r) => r.criterionId) } } });
  await tx.score.createMany({
    data: rows.map((r) => ({ sheetId: sheet.id, criterionId: r.criterionId, value: r.value ?? null, justification: r.justification })),
  });
  return { ...sheet, scored: rows.filter((r) => r.value !== undefined).length };
}

/** Saves a draft (explicitly or by autosave; autosaves are not audited, they would flood the log). */
export async function saveSheet(actor: SheetActor, key: SheetKey, version: number, input: ScoreSheetInput, options: { autosave?: boolean } = {}) {
  const grant = await requireGrant(actor, key);
  const criteria = await listCriteria(grant.scenarioId);
  return db.$transaction(async (tx) => {
    const scenario = await requireScoringOpen(tx, grant.scenarioId);
    const sheet = await writeDraft(tx, grant, version, input, new Set(criteria.map((c) => c.id)));
    if (!options.autosave) {
      await recordAudit(tx, {
        actor, action: "evaluation.sheet_save", entityId: sheet.id, orgId: scenario.departmentId,
        data: { proposalId: grant.proposalId, scenarioId: grant.scenarioId, scored: sheet.scored },
      });
    }
    return { id: sheet.id, version: sheet.version };
  });
}

/** Saves what was typed and submits it: every criterion scored and justified, or 422 and nothing changes. */
export async function submitSheet(actor: SheetActor, key: SheetKey, version: number, input: ScoreSheetInput, now = new Date()) {
  const grant = await requireGrant(actor, key);
  const criteria = await listCriteria(grant.scenarioId);
  if (criteria.length === 0 || !isComplete(criteria, input)) throw new AppError("es.v.incomplete", 422);
  return db.$transaction(async (tx) => {
    const scenario = await requireScoringOpen(tx, grant.scenarioId);
    const sheet = await writeDraft(tx, grant, version, input, new Set(criteria.map((c) => c.id)));
    const { count } = await tx.scoreSheet.updateMany({
      where: { id: sheet.id, status: "draft", version: sheet.version },
      data: { status: "submitted", submittedAt: now, version: { increment: 1 } },
    });
    if (count === 0) await lostRace(tx, sheet.id);
    const scores = Object.fromEntries(input.scores.map((s) => [s.criterionId, s.value ?? 0]));
    await recordAudit(tx, {
      actor, action: "evaluation.sheet_submit", entityId: sheet.id, orgId: scenario.departmentId,
      data: { proposalId: grant.proposalId, scenarioId: grant.scenarioId, total: sheetTotal(toCriterionDefs(criteria), scores) },
    });
    return { id: sheet.id, version: sheet.version + 1 };
  });
}

/**
 * The department sends a submitted sheet back to its evaluator with a written reason: the sheet is a
 * draft again (its scores kept for the evaluator to revise), the reopening is audited and the
 * evaluator hears of it (event "evaluation.sheet_reopened": notification and mail). Only officers of
 * the scenario's department; anyone else gets 404 and nothing changes.
 */
export async function reopenSheet(actor: OfficerActor, sheetId: string, reason: string, now = new Date()) {
  const departments = actor.memberships.filter((m) => m.role === "officer").map((m) => m.orgId);
  // The route's schema says the same with its limits; the command never trusts its caller.
  const text = reason.trim();
  if ([...text].length < REOPEN_REASON_MIN || [...text].length > REOPEN_REASON_MAX) throw new AppError("es.v.reasonInvalid", 400);
  return db.$transaction(async (tx) => {
    const sheet = await tx.scoreSheet.findFirst({
      where: { id: sheetId, assignment: { scenario: { departmentId: { in: departments } } } },
      select: { id: true, status: true, version: true, proposalId: true, assignment: { select: { evaluatorId: true, scenarioId: true } } },
    });
    if (!sheet) throw new AppError("error.notFound", 404);
    const scenario = await requireScoringOpen(tx, sheet.assignment.scenarioId);
    if (sheet.status !== "submitted") throw new AppError("es.notSubmitted", 409);
    assertSheetTransition(sheet.status, "draft");
    const { count } = await tx.scoreSheet.updateMany({
      where: { id: sheet.id, status: "submitted", version: sheet.version },
      data: { status: "draft", submittedAt: null, reopenedAt: now, reopenReason: text, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("error.conflict", 409);
    await recordAudit(tx, {
      actor, action: "evaluation.sheet_reopen", entityId: sheet.id, orgId: scenario.departmentId,
      data: { proposalId: sheet.proposalId, scenarioId: sheet.assignment.scenarioId, evaluatorId: sheet.assignment.evaluatorId, reason: text },
    });
    await emitEvent(tx, "evaluation.sheet_reopened", sheet.id, { reopenedAt: now.toISOString() });
  });
}
