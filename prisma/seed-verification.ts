import { createHash } from "node:crypto";
import type { PrismaClient } from "../app/generated/prisma/client";
import type { VerificationDocumentKind } from "../app/generated/prisma/enums";
import { checkFile } from "../app/modules/attachments/file-type";
import { newStorageKey, storage } from "../app/modules/attachments/storage.server";
import { specimenPdf, specimenPng } from "./seed-data/demo-documents";
import type { SeedVendor } from "./seed-data/types";
import { VENDORS } from "./seed-data/vendors";

// 认证材料: a few organisations waiting in the admins' verification queue have handed in documents
// (the others have not, so the queue shows both). The bytes go through the storage module like an
// upload; the rows and audit events are written straight, like the rest of the seed.

const DAY = 86_400_000;

type PlannedDocument = { kind: VerificationDocumentKind; filename: string; format: "pdf" | "png"; daysAgo: number };

export const VERIFICATION_DOCUMENT_PLAN: Record<string, PlannedDocument[]> = {
  yimou: [
    { kind: "business_licence", filename: "营业执照（副本）.pdf", format: "pdf", daysAgo: 6 },
    { kind: "authorisation_letter", filename: "授权委托书.png", format: "png", daysAgo: 6 },
  ],
  chuangmo: [{ kind: "business_licence", filename: "营业执照照片.png", format: "png", daysAgo: 3 }],
  tianshu_geo: [{ kind: "institution_certificate", filename: "事业单位法人证书.pdf", format: "pdf", daysAgo: 2 }],
};

const TITLES: Record<VerificationDocumentKind, string> = {
  business_licence: "Business licence (specimen)",
  institution_certificate: "Public institution legal person certificate (specimen)",
  authorisation_letter: "Letter of authorisation (specimen)",
  other: "Supporting document (specimen)",
};

function specimen(vendor: SeedVendor, doc: PlannedDocument, index: number): Uint8Array {
  if (doc.format === "png") return specimenPng(index);
  return specimenPdf({
    title: TITLES[doc.kind],
    lines: [vendor.nameEn, `Unified social credit code: ${vendor.creditCode}`, `Registered in: ${vendor.district}`, "Generated for the Jiebang demo data: not a real document."],
  });
}

/** The member who hands the documents in: the organisation's contact person, with a login like every proposing vendor's. */
async function memberOf(db: PrismaClient, vendor: SeedVendor, orgId: string, passwordHash: string, verifiedAt: Date): Promise<string> {
  const existing = await db.membership.findFirst({ where: { orgId, role: "vendor_member" }, select: { userId: true }, orderBy: { createdAt: "asc" } });
  if (existing) return existing.userId;
  const user = await db.user.upsert({
    where: { email: vendor.contactEmail },
    update: {},
    create: { email: vendor.contactEmail, name: vendor.contactName, passwordHash, emailVerifiedAt: verifiedAt },
    select: { id: true },
  });
  await db.membership.create({ data: { userId: user.id, orgId, role: "vendor_member" } });
  return user.id;
}

export async function seedVerificationDocuments(db: PrismaClient, ctx: { now: Date; passwordHash: string; verifiedAt: Date; vendorIds: Map<string, string> }) {
  for (const [key, documents] of Object.entries(VERIFICATION_DOCUMENT_PLAN)) {
    const vendor = VENDORS.find((v) => v.key === key);
    const orgId = ctx.vendorIds.get(key);
    if (!vendor || !orgId) throw new Error(`[seed] no demo organisation "${key}" for verification documents`);
    if (vendor.verified) throw new Error(`[seed] ${key} is verified: documents belong to organisations in the queue`);
    // Registered a little before its first document, so the queue reads in a believable order.
    const registered = new Date(ctx.now.getTime() - (Math.max(...documents.map((d) => d.daysAgo)) + 1) * DAY);
    await db.organisation.update({ where: { id: orgId }, data: { createdAt: registered } });
    const userId = await memberOf(db, vendor, orgId, ctx.passwordHash, ctx.verifiedAt);
    for (const [index, doc] of documents.entries()) {
      const bytes = specimen(vendor, doc, index);
      // The same content check an upload passes, so a specimen can never be a file the platform would refuse.
      const check = checkFile(doc.filename, bytes);
      if (!check.ok) throw new Error(`[seed] specimen ${doc.filename} fails the upload check: ${check.error}`);
      const storageKey = newStorageKey();
      await storage().put(storageKey, bytes);
      const at = new Date(ctx.now.getTime() - doc.daysAgo * DAY + index * 60_000);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const created = await db.verificationDocument.create({
        data: {
          orgId, kind: doc.kind, createdAt: at,
          attachment: { create: { storageKey, filename: doc.filename, mimeType: check.mimeType, size: bytes.length, sha256, orgId, uploadedById: userId, createdAt: at } },
        },
        select: { id: true, attachment: { select: { id: true } } },
      });
      const attachmentId = created.attachment!.id;
      await db.auditEvent.createMany({
        data: [
          { actorId: userId, action: "attachment.upload", entityType: "attachment", entityId: attachmentId, orgId, at, data: { filename: doc.filename, size: bytes.length, sha256, scenarioId: null, proposalId: null, objectionId: null } },
          { actorId: userId, action: "organisation.document_upload", entityType: "organisation", entityId: orgId, orgId, at, data: { documentId: created.id, attachmentId, kind: doc.kind, filename: doc.filename, size: bytes.length, sha256 } },
        ],
      });
    }
  }
}
