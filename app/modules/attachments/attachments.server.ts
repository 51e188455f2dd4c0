import { createHash } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { attachmentAccessSelect, canReadAttachment } from "./attachment-access.server";
import { MAX_ATTACHMENT_BYTES, checkFile, cleanFilename } from "./file-type";
import { newStorageKey, storage } from "./storage.server";

export { canReadAttachment, canReadProposalFiles, canReadScenarioFiles, resolveUploadTarget } from "./attachment-access.server";

export type SaveAttachmentInput = {
  /** The caller's transaction (e.g. a proposal save); without one the row is written in its own. */
  tx?: Tx;
  orgId: string;
  uploadedById: string;
  scenarioId?: string;
  proposalId?: string;
  /** Evidence of an objection (异议): readable by the objector's organisation, the department and admins. */
  objectionId?: string;
  /** Delivery evidence (the delivery module checks who may attach). */
  milestoneId?: string;
  gateReportId?: string;
  /** One of the organisation's verification documents (organisations/verification-documents.server.ts checks who and when). */
  verificationDocumentId?: string;
  file: File;
};

export const attachmentListSelect = { id: true, filename: true, mimeType: true, size: true, createdAt: true } as const;
export type AttachmentListItem = { id: string; filename: string; mimeType: string; size: number; createdAt: Date | string };

/**
 * Checks size and type (by content), stores the bytes under a random key and writes the row with
 * its SHA-256, plus an audit event. The authorisation to attach to the target is the CALLER's job
 * (resolveUploadTarget for the upload route; the proposal service for its own saves).
 * The bytes are written before the row: if the transaction later rolls back, an unreferenced file
 * remains on disk (harmless, never served); the reverse order could leave a row without bytes.
 */
export async function saveAttachment(input: SaveAttachmentInput) {
  // Exactly one owner record: a file is never shared between a scenario, a proposal, an objection and a delivery.
  const owners = [input.scenarioId, input.proposalId, input.objectionId, input.milestoneId, input.gateReportId, input.verificationDocumentId];
  if (owners.filter(Boolean).length !== 1) throw new AppError("error.badRequest", 400);
  if (input.file.size > MAX_ATTACHMENT_BYTES) throw new AppError("att.tooLarge", 400);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const filename = cleanFilename(input.file.name);
  if (!filename) throw new AppError("att.noFile", 400);
  const check = checkFile(filename, bytes);
  if (!check.ok) throw new AppError(check.error, check.error === "att.contentMismatch" ? 422 : 400);

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = newStorageKey();
  await storage().put(storageKey, bytes);

  const write = async (tx: Tx) => {
    const row = await tx.attachment.create({
      data: {
        storageKey, filename, mimeType: check.mimeType, size: bytes.length, sha256,
        orgId: input.orgId, uploadedById: input.uploadedById,
        scenarioId: input.scenarioId ?? null, proposalId: input.proposalId ?? null, objectionId: input.objectionId ?? null,
        milestoneId: input.milestoneId ?? null, gateReportId: input.gateReportId ?? null,
        verificationDocumentId: input.verificationDocumentId ?? null,
      },
      select: { ...attachmentListSelect, sha256: true, storageKey: true },
    });
    await recordAudit(tx, {
      actor: { id: input.uploadedById }, action: "attachment.upload", entityId: row.id, orgId: input.orgId,
      data: { filename, size: bytes.length, sha256, scenarioId: input.scenarioId ?? null, proposalId: input.proposalId ?? null, objectionId: input.objectionId ?? null },
    });
    return row;
  };
  try {
    return input.tx ? await write(input.tx) : await db.$transaction(write);
  } catch (error) {
    await storage().delete(storageKey).catch(() => undefined);
    throw error;
  }
}

export function listScenarioAttachments(scenarioId: string): Promise<AttachmentListItem[]> {
  return db.attachment.findMany({ where: { scenarioId, proposalId: null }, select: attachmentListSelect, orderBy: { createdAt: "asc" } });
}

export function listProposalAttachments(proposalId: string): Promise<AttachmentListItem[]> {
  return db.attachment.findMany({ where: { proposalId }, select: attachmentListSelect, orderBy: { createdAt: "asc" } });
}

/**
 * The attachment and a stream of its bytes when `user` may read it; null otherwise, so the route
 * answers 404 and never confirms that a file it may not see exists. A proposal file opened by someone
 * outside the proposing organisation (the department, once unsealed) is recorded in the audit log.
 */
export async function openAttachmentFor(user: Pick<CurrentUser, "id" | "memberships" | "context"> | null, id: string) {
  const row = await db.attachment.findUnique({
    where: { id },
    select: {
      ...attachmentListSelect, storageKey: true, sha256: true, ...attachmentAccessSelect,
      proposal: { select: { ...attachmentAccessSelect.proposal.select, id: true } },
    },
  });
  if (!row || !canReadAttachment(user, row)) return null;
  // Recorded before the file is opened: no bytes leave without their audit event.
  const proposal = row.proposal;
  if (user && proposal && !user.memberships.some((m) => m.orgId === proposal.orgId && m.role === "vendor_member")) {
    await db.$transaction((tx) => recordAudit(tx, {
      action: "attachment.download", actor: { id: user.id, context: user.context }, entityId: row.id, orgId: proposal.orgId,
      data: { proposalId: proposal.id, filename: row.filename, sha256: row.sha256 },
    }));
  }
  const stream = await storage().get(row.storageKey);
  if (!stream) return null;
  return { attachment: { id: row.id, filename: row.filename, mimeType: row.mimeType, size: row.size }, stream };
}

/** RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name, so 方案.pdf arrives as 方案.pdf. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
