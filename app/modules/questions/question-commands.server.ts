import { recordAudit } from "~/modules/audit/audit.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { MembershipInfo } from "~/utils/permissions.server";

export type Asker = { id: string; membership: MembershipInfo };

/** Only companies and institutes ask and follow; a vendor_member role in any other org does not count. */
export function assertVendorOrg(membership: MembershipInfo): void {
  if (membership.role !== "vendor_member" || !["vendor", "institute"].includes(membership.org.type)) {
    throw new AppError("qv.vendorOnly", 403);
  }
}

/**
 * 答疑: a vendor asks while the call is open — published and before the deadline by server time,
 * so a question that arrives one second late is refused with a clear message.
 */
export async function askQuestion(asker: Asker, scenarioId: string, body: string, now = new Date()) {
  assertVendorOrg(asker.membership);
  return db.$transaction(async (tx) => {
    const s = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { id: true, status: true, deadline: true } });
    if (!s) throw new AppError("error.notFound", 404);
    if (s.status !== "published") throw new AppError("qv.notOpen", 409);
    if (s.deadline.getTime() <= now.getTime()) throw new AppError("qv.deadlinePassed", 409);
    const question = await tx.question.create({
      data: { scenarioId, orgId: asker.membership.orgId, askedById: asker.id, body, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: asker, action: "question.ask", entityId: question.id,
      orgId: asker.membership.orgId, data: { scenarioId },
    });
    return question;
  });
}

/**
 * The owning department answers; the answer is public at once, and its event (enqueued in the same
 * transaction) notifies the asker and every interested vendor. A question is answered once: the conditional update
 * makes two officers answering together end with one answer and one round of notices.
 */
export async function answerQuestion(
  officer: { id: string },
  key: { id: string; departmentId: string },
  questionId: string,
  answer: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    // Scoped by scenario and department: an officer cannot answer another department's question by id.
    const q = await tx.question.findFirst({
      where: { id: questionId, scenarioId: key.id, scenario: { departmentId: key.departmentId } },
      select: { id: true, orgId: true, answeredAt: true, scenario: { select: { status: true } } },
    });
    if (!q) throw new AppError("error.notFound", 404);
    if (q.scenario.status === "draft" || q.scenario.status === "cancelled") throw new AppError("qv.notOpen", 409);
    const { count } = await tx.question.updateMany({
      where: { id: q.id, answeredAt: null },
      data: { answer, answeredById: officer.id, answeredAt: now },
    });
    if (count === 0) throw new AppError("qv.alreadyAnswered", 409);
    await recordAudit(tx, {
      actor: officer, action: "question.answer", entityId: q.id,
      orgId: key.departmentId, data: { scenarioId: key.id, askerOrgId: q.orgId },
    });
    await emitEvent(tx, "question.answered", q.id);
    return { id: q.id };
  });
}
