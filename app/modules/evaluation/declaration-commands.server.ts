import type { Prisma } from "~/generated/prisma/client";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { AppError } from "~/utils/errors.server";
import { hasRole, type CurrentUser } from "~/utils/permissions.server";
import { opensProposals } from "./assignment-status";
import { detectForProposal } from "./conflict-precheck.server";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";

export type DeclarationInput = { proposalId: string; conflicted: boolean; reason: string };

/**
 * The evaluator declares, for one proposal of their accepted assignment, whether they have a conflict
 * of interest. The platform's own detection runs at the same moment: a detected conflict marks the
 * declaration conflicted even when the evaluator says no, and `detected` keeps the reasons. A
 * declaration is made once (a second one is a 409). Every declaration is audited, and every
 * conflict — declared, detected or both — once more as "evaluation.conflict".
 */
export async function declareConflict(actor: AuditActor, assignmentId: string, input: DeclarationInput, now = new Date()) {
  const detected = await detectForProposal(input.proposalId, actor.id, now);
  try {
    return await db.$transaction(async (tx) => {
      const a = await tx.evaluationAssignment.findFirst({
        where: { id: assignmentId, evaluatorId: actor.id },
        select: { id: true, status: true, scenarioId: true, scenario: { select: { departmentId: true } } },
      });
      if (!a) throw new AppError("error.notFound", 404);
      if (!opensProposals(a.status)) throw new AppError("ea.error.notAccepted", 409);
      const proposal = await tx.proposal.findFirst({
        where: { id: input.proposalId, scenarioId: a.scenarioId, status: { in: [...READABLE_BY_EVALUATORS] } }, select: { id: true },
      });
      if (!proposal) throw new AppError("error.notFound", 404);
      const conflicted = input.conflicted || detected.length > 0;
      const reason = input.conflicted ? input.reason : "";
      const declaration = await tx.conflictDeclaration.create({
        data: { assignmentId: a.id, proposalId: proposal.id, conflicted, reason, detected: detected as unknown as Prisma.InputJsonValue, declaredAt: now },
        select: { id: true, conflicted: true },
      });
      const base = { scenarioId: a.scenarioId, proposalId: proposal.id };
      await recordAudit(tx, { actor, action: "evaluation.declare", entityId: a.id, orgId: a.scenario.departmentId, data: { ...base, declared: input.conflicted, conflicted } });
      if (conflicted) {
        await recordAudit(tx, {
          actor, action: "evaluation.conflict", entityId: a.id, orgId: a.scenario.departmentId,
          data: { ...base, evaluatorId: actor.id, declared: input.conflicted, reason, detected },
        });
      }
      return declaration;
    });
  } catch (error) {
    // Two tabs declaring on one proposal: the unique index keeps the first.
    if (isUniqueViolation(error)) throw new AppError("ea.error.alreadyDeclared", 409);
    throw error;
  }
}

/**
 * An admin lets a conflicted evaluator read and score one proposal after all, with a written reason
 * (for example a link between organisations that ended long ago). The declaration stays conflicted,
 * for the record; overriddenById and overrideReason say who cleared it and why. Audited.
 */
export async function overrideConflict(admin: CurrentUser, scenarioId: string, declarationId: string, reason: string) {
  if (!hasRole(admin, "admin")) throw new AppError("error.forbidden", 403);
  return db.$transaction(async (tx) => {
    const d = await tx.conflictDeclaration.findFirst({
      where: { id: declarationId, assignment: { scenarioId } },
      select: { id: true, conflicted: true, overriddenById: true, proposalId: true, assignment: { select: { id: true, evaluatorId: true, scenario: { select: { departmentId: true } } } } },
    });
    if (!d) throw new AppError("error.notFound", 404);
    if (!d.conflicted) throw new AppError("ea.error.notConflicted", 409);
    const { count } = await tx.conflictDeclaration.updateMany({
      where: { id: d.id, conflicted: true, overriddenById: null },
      data: { overriddenById: admin.id, overrideReason: reason },
    });
    if (count === 0) throw new AppError("ea.error.alreadyOverridden", 409);
    await recordAudit(tx, {
      actor: admin, action: "evaluation.override", entityId: d.assignment.id, orgId: d.assignment.scenario.departmentId,
      data: { scenarioId, proposalId: d.proposalId, evaluatorId: d.assignment.evaluatorId, reason },
    });
  });
}
