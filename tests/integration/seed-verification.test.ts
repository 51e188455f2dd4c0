import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFile } from "../../app/modules/attachments/file-type";
import { VERIFICATION_DOCUMENT_PLAN } from "../../prisma/seed-verification";
import { VENDORS } from "../../prisma/seed-data/vendors";
import { useAppDatabase } from "../setup/app-database";

// The demo's verification queue, seeded exactly as `npm start` does: some pending organisations have
// handed in documents whose bytes are in storage and pass the upload checks, the others have none.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let storage: typeof import("../../app/modules/attachments/storage.server")["storage"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  storage = (await import("../../app/modules/attachments/storage.server")).storage;
  await (await import("../../prisma/seed")).seedDemoData(db);
});
afterAll(async () => {
  await cleanup?.();
});

async function bytesOf(storageKey: string): Promise<Uint8Array> {
  const stream = await storage().get(storageKey);
  expect(stream, storageKey).not.toBeNull();
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("seeded verification documents", () => {
  it("the planned pending organisations carry their documents, stored, well-formed and audited", async () => {
    for (const [key, plan] of Object.entries(VERIFICATION_DOCUMENT_PLAN)) {
      const vendor = VENDORS.find((v) => v.key === key)!;
      const org = await db.organisation.findFirstOrThrow({ where: { creditCode: vendor.creditCode }, select: { id: true, verified: true, rejectedAt: true, createdAt: true } });
      expect(org, key).toMatchObject({ verified: false, rejectedAt: null });
      const documents = await db.verificationDocument.findMany({ where: { orgId: org.id }, include: { attachment: true }, orderBy: { createdAt: "asc" } });
      // Registered before it handed anything in.
      expect(org.createdAt.getTime(), key).toBeLessThan(documents[0]!.createdAt.getTime());
      expect(documents.map((d) => [d.kind, d.attachment?.filename]), key).toEqual(plan.map((p) => [p.kind, p.filename]));
      for (const d of documents) {
        const file = d.attachment!;
        const bytes = await bytesOf(file.storageKey);
        expect(bytes.length).toBe(file.size);
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
        expect(checkFile(file.filename, bytes)).toMatchObject({ ok: true, mimeType: file.mimeType });
        if (file.mimeType === "application/pdf") {
          // A real PDF: the cross-reference table is where startxref says, and the page names the organisation.
          const text = Buffer.from(bytes).toString("latin1");
          const offset = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
          expect(text.slice(offset, offset + 4)).toBe("xref");
          expect(text).toContain(vendor.creditCode);
        }
        // Uploaded by a member of the organisation, and recorded on the organisation's history.
        expect(await db.membership.count({ where: { userId: file.uploadedById, orgId: org.id, role: "vendor_member" } })).toBe(1);
        expect(await db.auditEvent.count({ where: { entityId: org.id, action: "organisation.document_upload", data: { path: ["documentId"], equals: d.id } } })).toBe(1);
      }
    }
  });

  it("the queue also holds pending organisations without documents, and no verified organisation has any", async () => {
    const pending = await db.organisation.findMany({ where: { type: { in: ["vendor", "institute"] }, verified: false, rejectedAt: null }, select: { _count: { select: { verificationDocuments: true } } } });
    expect(pending.filter((o) => o._count.verificationDocuments > 0)).toHaveLength(Object.keys(VERIFICATION_DOCUMENT_PLAN).length);
    expect(pending.filter((o) => o._count.verificationDocuments === 0).length).toBeGreaterThan(0);
    expect(await db.verificationDocument.count({ where: { org: { verified: true } } })).toBe(0);
  });
});
