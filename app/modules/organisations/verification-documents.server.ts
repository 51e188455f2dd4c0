import type { Prisma } from "~/generated/prisma/client";
import type { VerificationDocumentKind } from "~/generated/prisma/enums";
import { MEMBER_ROLE_FOR_ORG } from "~/modules/accounts/invitations.server";
import { saveAttachment } from "~/modules/attachments/attachments.server";
import { cleanFilename, extensionOf } from "~/modules/attachments/file-type";
import { storage } from "~/modules/attachments/storage.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { CurrentUser } from "~/utils/permissions.server";
import {
  MAX_VERIFICATION_DOCUMENTS, VERIFICATION_EXTENSIONS, documentsEditable, verificationState,
} from "./verification-documents";

/**
 * 认证材料 / Verification documents. The members of an organisation hand in its business licence
 * (营业执照), institution certificate (事业单位法人证书) or letter of authorisation (授权委托书) while
 * it waits for a decision or after a rejection; once verified, what the admin approved is kept as it
 * was. A rejected organisation asks again from here and goes back to the admins' queue.
 * Who may download the files: attachment-access.server.ts (members and admins only).
 */

type Member = Pick<CurrentUser, "id" | "memberships" | "context">;

export const verificationDocumentSelect = {
  id: true, kind: true, createdAt: true,
  attachment: { select: { id: true, filename: true, size: true, mimeType: true } },
} satisfies Prisma.VerificationDocumentSelect;

// The organisation's own member role (a company's or institute's member, a department's officer):
// evaluators and admins belong to the platform, not to the organisation being verified.
function assertMember(user: Member, orgId: string): void {
  if (!user.memberships.some((m) => m.orgId === orgId && MEMBER_ROLE_FOR_ORG[m.org.type] === m.role)) {
    throw new AppError("vd.error.notFound", 404);
  }
}

// Row lock: an admin's decision (an UPDATE of the same row) and a change of the documents happen one
// after the other, so a document never slips in after the verification that should have frozen it.
async function lockOrganisation(tx: Tx, orgId: string) {
  const [org] = await tx.$queryRaw<{ verified: boolean; rejectedAt: Date | null; rejectionReason: string | null }[]>`
    SELECT "verified", "rejectedAt", "rejectionReason" FROM "Organisation" WHERE "id" = ${orgId} FOR UPDATE`;
  if (!org) throw new AppError("vd.error.notFound", 404);
  return org;
}

export function listVerificationDocuments(orgId: string) {
  return db.verificationDocument.findMany({ where: { orgId }, select: verificationDocumentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** What the organisation's verification page shows its member. */
export async function verificationPageFor(user: Member, orgId: string) {
  assertMember(user, orgId);
  const [org, documents] = await Promise.all([
    db.organisation.findUnique({ where: { id: orgId }, select: { id: true, name: true, type: true, creditCode: true, verified: true, rejectedAt: true, rejectionReason: true } }),
    listVerificationDocuments(orgId),
  ]);
  if (!org) throw new AppError("vd.error.notFound", 404);
  const state = verificationState(org);
  return {
    org, state, documents,
    editable: documentsEditable(state),
    full: documents.length >= MAX_VERIFICATION_DOCUMENTS,
    canResubmit: state === "rejected" && documents.length > 0,
  };
}

/**
 * Adds one document. Refused with a clear 4xx: not a PDF or image (by name here, by content in
 * saveAttachment), empty or too big, the organisation already verified (409), or full (409).
 */
export async function uploadVerificationDocument(user: Member, orgId: string, input: { kind: VerificationDocumentKind; file: File }) {
  assertMember(user, orgId);
  const filename = cleanFilename(input.file.name);
  if (!filename) throw new AppError("att.noFile", 400);
  if (!(VERIFICATION_EXTENSIONS as readonly string[]).includes(extensionOf(filename))) throw new AppError("vd.error.type", 400);
  return db.$transaction(async (tx) => {
    const org = await lockOrganisation(tx, orgId);
    if (!documentsEditable(verificationState(org))) throw new AppError("vd.error.locked", 409);
    if ((await tx.verificationDocument.count({ where: { orgId } })) >= MAX_VERIFICATION_DOCUMENTS) throw new AppError("vd.error.tooMany", 409);
    const document = await tx.verificationDocument.create({ data: { orgId, kind: input.kind }, select: { id: true } });
    const file = await saveAttachment({ tx, orgId, uploadedById: user.id, verificationDocumentId: document.id, file: input.file });
    await recordAudit(tx, {
      actor: user, action: "organisation.document_upload", entityId: orgId, orgId,
      data: { documentId: document.id, attachmentId: file.id, kind: input.kind, filename: file.filename, size: file.size, sha256: file.sha256 },
    });
    return { id: document.id, attachmentId: file.id };
  }, { timeout: 30_000 });
}

/** Takes a document back (not once verified); the row, its file row and its bytes go. */
export async function removeVerificationDocument(user: Member, orgId: string, documentId: string): Promise<void> {
  assertMember(user, orgId);
  const storageKey = await db.$transaction(async (tx) => {
    const org = await lockOrganisation(tx, orgId);
    // Another organisation's document is "not found" here, like an unknown id.
    const document = await tx.verificationDocument.findFirst({
      where: { id: documentId, orgId },
      select: { id: true, kind: true, attachment: { select: { id: true, filename: true, sha256: true, storageKey: true } } },
    });
    if (!document) throw new AppError("vd.error.notFound", 404);
    if (!documentsEditable(verificationState(org))) throw new AppError("vd.error.locked", 409);
    await tx.verificationDocument.delete({ where: { id: document.id } }); // its Attachment row cascades
    await recordAudit(tx, {
      actor: user, action: "organisation.document_remove", entityId: orgId, orgId,
      data: {
        documentId: document.id, attachmentId: document.attachment?.id ?? "", kind: document.kind,
        filename: document.attachment?.filename ?? "", sha256: document.attachment?.sha256 ?? "",
      },
    });
    return document.attachment?.storageKey ?? null;
  });
  // After the commit: a failed delete leaves unreferenced bytes (never served), never a row without its file.
  if (storageKey) await storage().delete(storageKey).catch(() => undefined);
}

/** A rejected organisation with documents asks for a new decision: it is pending again in the admins' queue. */
export async function resubmitForVerification(user: Member, orgId: string): Promise<void> {
  assertMember(user, orgId);
  await db.$transaction(async (tx) => {
    const org = await lockOrganisation(tx, orgId);
    if (verificationState(org) !== "rejected") throw new AppError("vd.error.notRejected", 409);
    const documents = await tx.verificationDocument.count({ where: { orgId } });
    if (documents === 0) throw new AppError("vd.error.noDocuments", 422);
    // The reason stays beside the new request, so the admin sees what was to be corrected.
    await tx.organisation.update({ where: { id: orgId }, data: { rejectedAt: null } });
    await recordAudit(tx, { actor: user, action: "organisation.resubmit", entityId: orgId, orgId, data: { documents, previousReason: org.rejectionReason } });
  });
}
