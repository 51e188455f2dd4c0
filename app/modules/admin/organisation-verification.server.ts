import type { Prisma } from "~/generated/prisma/client";
import type { OrgType } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { isValidCreditCode } from "~/modules/organisations/credit-code";
import { verificationState } from "~/modules/organisations/verification-documents";
import { verificationDocumentSelect } from "~/modules/organisations/verification-documents.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { documentsFingerprint } from "./documents-fingerprint";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import type { VerificationState } from "./admin-vocabulary";
import { PAGE_SIZE, pageCount, skipFor } from "./table-params";
import { organisationMatching } from "~/modules/organisations/organisation-match";

/**
 * The organisation verification queue. "pending" is what an admin still has to decide: not
 * verified and not rejected. A decision is audited, re-indexes the organisation (the public
 * directory shows verification) and tells the organisation's members through the event registry.
 */

export type QueueQuery = { q: string; page: number; state?: VerificationState; type?: OrgType };

const STATE_WHERE: Record<VerificationState, Prisma.OrganisationWhereInput> = {
  pending: { verified: false, rejectedAt: null },
  rejected: { verified: false, rejectedAt: { not: null } },
  verified: { verified: true },
};

export const stateOf = verificationState;

/** The credit code as the checksum sees it: absent (departments need none), valid or failing. */
export type CreditCheck = "valid" | "invalid" | "missing";
export function creditCheck(code: string | null): CreditCheck {
  if (!code) return "missing";
  return isValidCreditCode(code) ? "valid" : "invalid";
}

const queueSelect = {
  id: true, name: true, nameEn: true, type: true, creditCode: true, verified: true, rejectedAt: true, rejectionReason: true,
  district: true, website: true, contactName: true, contactPhone: true, contactEmail: true, certifications: true, createdAt: true,
  memberships: { select: { role: true, user: { select: { name: true, email: true, emailVerifiedAt: true } } }, orderBy: { createdAt: "asc" }, take: 5 },
  _count: { select: { memberships: true, pastCases: true } },
  // What the organisation handed in (营业执照 …); each links to /attachments/<id>, readable by admins and its members only.
  verificationDocuments: { select: verificationDocumentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.OrganisationSelect;

export async function listVerificationQueue(query: QueueQuery) {
  const state = query.state ?? "pending";
  const where: Prisma.OrganisationWhereInput = {
    ...STATE_WHERE[state],
    ...(query.type ? { type: query.type } : {}),
    ...organisationMatching(query.q),
  };
  const [total, rows] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({ where, select: queueSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: skipFor(query.page), take: PAGE_SIZE }),
  ]);
  return {
    state, total, pages: pageCount(total),
    rows: rows.map((o) => ({ ...o, state: stateOf(o), creditCheck: creditCheck(o.creditCode) })),
  };
}

// FOR UPDATE: a member adding or removing a document takes the same lock (verification-documents.server.ts).
async function lockOrganisation(tx: Tx, orgId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organisation" WHERE "id" = ${orgId} FOR UPDATE`;
  const org = locked ? await tx.organisation.findUnique({ where: { id: orgId }, select: { id: true, creditCode: true, verified: true, rejectedAt: true } }) : null;
  if (!org) throw new AppError("error.notFound", 404);
  return org;
}

/** Verifies an organisation; a credit code that fails its check digit cannot be verified (reject it instead). */
/**
 * Verifies an organisation on the documents the admin saw: `seenDocuments` are the ids the queue
 * showed. If a member has added or removed one since, the admin is asked to look again (409).
 */
export async function verifyOrganisation(actor: AuditActor, orgId: string, seenDocuments: readonly string[], now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const org = await lockOrganisation(tx, orgId);
    const current = await tx.verificationDocument.findMany({ where: { orgId }, select: { id: true } });
    if (documentsFingerprint(current.map((d) => d.id)) !== documentsFingerprint(seenDocuments)) throw new AppError("adm.verify.error.documentsChanged", 409);
    const check = creditCheck(org.creditCode);
    if (check === "invalid") throw new AppError("adm.verify.error.creditCode", 422);
    const { count } = await tx.organisation.updateMany({ where: { id: orgId, verified: false }, data: { verified: true, rejectedAt: null, rejectionReason: null } });
    if (count === 0) throw new AppError("adm.verify.error.decided", 409);
    await recordAudit(tx, { actor, action: "organisation.verify", entityId: orgId, orgId, data: { creditCodeValid: check === "valid" } });
    await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: orgId });
    await emitEvent(tx, "organisation.verification_decided", orgId, { decision: "verified", decidedAt: now.toISOString() });
  });
}

/** Rejects with a reason the organisation's members read; a verified organisation is revoked first (unverify). */
export async function rejectOrganisation(actor: AuditActor, orgId: string, reason: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const org = await lockOrganisation(tx, orgId);
    const { count } = await tx.organisation.updateMany({ where: { id: orgId, verified: false, rejectedAt: null }, data: { rejectedAt: now, rejectionReason: reason } });
    if (count === 0) throw new AppError("adm.verify.error.decided", 409);
    await recordAudit(tx, { actor, action: "organisation.reject", entityId: orgId, orgId, data: { reason, creditCodeValid: creditCheck(org.creditCode) === "valid" } });
    await emitEvent(tx, "organisation.verification_decided", orgId, { decision: "rejected", decidedAt: now.toISOString() });
  });
}

/** Takes a verification back (it goes to the queue again as pending). */
export async function unverifyOrganisation(actor: AuditActor, orgId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, orgId);
    const { count } = await tx.organisation.updateMany({ where: { id: orgId, verified: true }, data: { verified: false } });
    if (count === 0) throw new AppError("adm.verify.error.decided", 409);
    await recordAudit(tx, { actor, action: "organisation.unverify", entityId: orgId, orgId, data: {} });
    await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: orgId });
  });
}
