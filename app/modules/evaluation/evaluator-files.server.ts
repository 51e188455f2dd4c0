import { extensionForMimeType } from "~/modules/attachments/file-type";
import { storage } from "~/modules/attachments/storage.server";
import { db } from "~/utils/db.server";
import { findEvaluatorGrant } from "./evaluation-access.server";

/**
 * A proposal's files as an evaluator gets them. In blind review the file name (which often carries
 * the company's name) is never selected: the file is "附件 1.pdf", "附件 2.docx" … by upload order,
 * with the extension taken from the checked type. Upload times and uploaders are never selected.
 */

export type EvaluatorAttachment = { id: string; name: string; mimeType: string; size: number };

export const neutralName = (index: number, mimeType: string) => `附件 ${index + 1}.${extensionForMimeType(mimeType)}`;

const order = [{ createdAt: "asc" }, { id: "asc" }] as const;

export async function evaluatorAttachments(proposalId: string, blind: boolean): Promise<EvaluatorAttachment[]> {
  if (blind) {
    const rows = await db.attachment.findMany({ where: { proposalId }, select: { id: true, mimeType: true, size: true }, orderBy: [...order] });
    return rows.map((r, i) => ({ id: r.id, name: neutralName(i, r.mimeType), mimeType: r.mimeType, size: r.size }));
  }
  const rows = await db.attachment.findMany({ where: { proposalId }, select: { id: true, filename: true, mimeType: true, size: true }, orderBy: [...order] });
  return rows.map((r) => ({ id: r.id, name: r.filename, mimeType: r.mimeType, size: r.size }));
}

/**
 * The file and a stream of its bytes when the evaluator's assignment gives them its proposal
 * (mayReadProposal through findEvaluatorGrant); null otherwise, so the route answers 404 and says
 * nothing about files the evaluator may not see.
 */
export async function openEvaluatorFile(userId: string, assignmentId: string, attachmentId: string) {
  const row = await db.attachment.findUnique({ where: { id: attachmentId }, select: { storageKey: true, proposalId: true, proposal: { select: { scenario: { select: { blindReview: true } } } } } });
  if (!row?.proposalId || !row.proposal) return null;
  if (!(await findEvaluatorGrant(userId, assignmentId, row.proposalId))) return null;
  const file = (await evaluatorAttachments(row.proposalId, row.proposal.scenario.blindReview)).find((a) => a.id === attachmentId);
  const stream = file ? await storage().get(row.storageKey) : null;
  if (!file || !stream) return null;
  return { file, stream };
}
