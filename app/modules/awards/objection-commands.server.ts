import { Prisma } from "~/generated/prisma/client";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { saveAttachment } from "~/modules/attachments/attachments.server";
import { MAX_EVIDENCE_FILES } from "~/modules/attachments/file-type";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { IN_REVIEW_STATUSES } from "~/modules/proposals/proposal-status";
import { shanghaiYear } from "~/modules/scenarios/scenario-dates";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { MembershipInfo } from "~/utils/permissions.server";
import { finaliseAward } from "./finalise-award.server";
import { isWithinNotice } from "./notice-period";
import { sendBack } from "./send-back.server";
import { transitionObjection } from "./objection-transition.server";

/**
 * 异议 (issue 11 item 3): filed online during the notice period by a member of an organisation that
 * handed in a proposal; answered in writing by the department; decided (upheld / dismissed) by an
 * admin. An upheld objection sends the decision back (send-back.server.ts) and the notice restarts
 * with the next decision; a dismissal lets the award be finalised once the period has ended.
 */
export type MemberActor = AuditActor & { memberships: Pick<MembershipInfo, "orgId" | "role">[] };

export const MAX_OBJECTIONS_PER_ORG = 3;

/** The organisation through which `actor` may object to the scenario's notice, or null. */
export async function objectorOrg(actor: Pick<MemberActor, "memberships">, scenarioId: string): Promise<string | null> {
  const orgIds = actor.memberships.filter((m) => m.role === "vendor_member").map((m) => m.orgId);
  if (orgIds.length === 0) return null;
  const proposal = await db.proposal.findFirst({
    where: { scenarioId, orgId: { in: orgIds }, status: { in: [...IN_REVIEW_STATUSES] } },
    select: { orgId: true }, orderBy: { submittedAt: "asc" },
  });
  return proposal?.orgId ?? null;
}

async function nextReference(tx: Prisma.TransactionClient, now: Date): Promise<string> {
  const year = shanghaiYear(now);
  const prefix = `YY-${year}-`;
  const last = await tx.objection.findFirst({ where: { reference: { startsWith: prefix } }, select: { reference: true }, orderBy: { reference: "desc" } });
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

export async function fileObjection(actor: MemberActor, scenarioId: string, input: { grounds: string; files: File[] }, now = new Date()) {
  if (input.files.length > MAX_EVIDENCE_FILES) throw new AppError("aw.o.tooManyFiles", 400);
  const orgId = await objectorOrg(actor, scenarioId);
  if (!orgId) throw new AppError("aw.o.notEligible", 403);
  // Two objections filed at the same moment may compute the same reference: the loser tries again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const decision = await tx.awardDecision.findFirst({
          where: { scenarioId, status: "in_notice" },
          select: { id: true, noticeStartsAt: true, noticeEndsAt: true },
        });
        if (!decision || !isWithinNotice(decision, now)) throw new AppError("aw.o.closed", 409);
        const filed = await tx.objection.count({ where: { decisionId: decision.id, orgId } });
        if (filed >= MAX_OBJECTIONS_PER_ORG) throw new AppError("aw.o.tooMany", 409);
        const reference = await nextReference(tx, now);
        const objection = await tx.objection.create({
          data: { reference, scenarioId, decisionId: decision.id, orgId, filedById: actor.id, grounds: input.grounds },
          select: { id: true, reference: true },
        });
        for (const file of input.files) await saveAttachment({ tx, orgId, uploadedById: actor.id, objectionId: objection.id, file });
        await recordAudit(tx, {
          actor, action: "objection.file", entityId: objection.id, orgId,
          data: { scenarioId, decisionId: decision.id, reference, files: input.files.length },
        });
        await emitEvent(tx, "objection.filed", objection.id);
        return objection;
      });
    } catch (error) {
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 2) throw error;
    }
  }
}

/** The department's written answer (filed → answered); an admin then decides the outcome. */
export async function answerObjection(actor: MemberActor, objectionId: string, answer: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.objection.findUnique({ where: { id: objectionId }, select: { id: true, reference: true, scenarioId: true, scenario: { select: { departmentId: true } } } });
    const officer = row && actor.memberships.some((m) => m.role === "officer" && m.orgId === row.scenario.departmentId);
    if (!row || !officer) throw new AppError("error.notFound", 404);
    await transitionObjection(tx, objectionId, "answered", actor, {
      set: { answer, answeredById: actor.id, answeredAt: new Date() },
      audit: { action: "objection.answer", data: { scenarioId: row.scenarioId, reference: row.reference } },
    });
    await emitEvent(tx, "objection.answered", objectionId);
    await emitEvent(tx, "objection.awaitingOutcome", objectionId);
    return row;
  });
}

/**
 * The admin's outcome (answered → upheld | dismissed), with reasons shown on the public notice.
 * Upheld: the live decision goes back (notice → evaluating). Dismissed after the period ended with
 * nothing else pending: the award is finalised at once rather than at the next sweep.
 */
export async function decideObjection(actor: AuditActor, objectionId: string, outcome: "upheld" | "dismissed", reason: string, now = new Date()) {
  const decided = await db.$transaction(async (tx) => {
    const row = await tx.objection.findUnique({
      where: { id: objectionId },
      select: { id: true, reference: true, scenarioId: true, decisionId: true, decision: { select: { status: true } } },
    });
    if (!row) throw new AppError("error.notFound", 404);
    await transitionObjection(tx, objectionId, outcome, actor, {
      set: { outcomeReason: reason, decidedById: actor.id, decidedAt: now },
      audit: { action: "objection.decide", data: { scenarioId: row.scenarioId, reference: row.reference, outcome, reason } },
    });
    // An objection to a decision already sent back by another one changes nothing more.
    if (outcome === "upheld" && row.decision.status === "in_notice") await sendBack(tx, actor, row.decisionId, objectionId, now);
    await emitEvent(tx, "objection.decided", objectionId);
    return row;
  });
  if (outcome === "dismissed") await finaliseAward(decided.decisionId, now);
  return decided;
}
