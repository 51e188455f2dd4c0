import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES } from "../fixtures/file-samples";
import { createSessionToken, createUser, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// An organisation's verification documents (营业执照 …): uploaded and removed by its members while it
// waits or after a rejection, read-only once verified, refused with a clear 4xx when wrong, readable
// by its members and the admins only, shown in the admin queue, and a rejected organisation asks again.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let page: typeof import("../../app/routes/vendor.profile_.verification");
let download: typeof import("../../app/routes/attachments.$id");
let queue: typeof import("../../app/routes/admin.organisations");
let auditRoute: typeof import("../../app/routes/admin.audit");
let admin: { id: string; cookie: string };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-verification-docs-"));

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by env(); set before any app module loads
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  page = await import("../../app/routes/vendor.profile_.verification");
  download = await import("../../app/routes/attachments.$id");
  queue = await import("../../app/routes/admin.organisations");
  auditRoute = await import("../../app/routes/admin.audit");
  const user = await createUser(db, "admin");
  admin = { id: user.id, cookie: await cookieFor(user.id) };
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Result = Response | { init: ResponseInit | null; data: { error: string; intent: string | null } };
const statusOf = (r: Result) => (r instanceof Response ? r.status : (r.init?.status ?? 200));
const errorOf = (r: Result) => (r as { data: { error: string } }).data.error;

async function cookieFor(userId: string) {
  return `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
}

async function pendingOrganisation(type: "vendor" | "institute" = "vendor") {
  const org = await db.organisation.create({
    data: { name: `待认证单位 ${uniqueSuffix()}`, type, creditCode: testCreditCode(type === "vendor" ? "91" : "12"), verified: false },
    select: { id: true, name: true },
  });
  const member = await createUser(db, "vendor", { orgId: org.id });
  return { ...org, member: { ...member, cookie: await cookieFor(member.id) } };
}

async function post(cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }, search = ""): Promise<Result> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("file", new File([file.bytes], file.name, { type: "application/octet-stream" }));
  const request = new Request(`http://jiebang.test/vendor/profile/verification${search}`, { method: "POST", headers: { Cookie: cookie }, body });
  try {
    return (await page.action({ request, params: {}, context: {} })) as unknown as Result;
  } catch (thrown) {
    return thrown as Response;
  }
}

const upload = (cookie: string, kind: string, name: string, bytes: Uint8Array<ArrayBuffer>, search = "") => post(cookie, { intent: "upload", kind }, { name, bytes }, search);

async function get(attachmentId: string, cookie?: string): Promise<Response> {
  const request = new Request(`http://jiebang.test/attachments/${attachmentId}`, { headers: cookie ? { Cookie: cookie } : undefined });
  try {
    return (await download.loader({ request, params: { id: attachmentId }, context: {} })) as Response;
  } catch (thrown) {
    return thrown as Response;
  }
}

async function loadPage(cookie: string) {
  return page.loader({ request: new Request("http://jiebang.test/vendor/profile/verification", { headers: { Cookie: cookie } }), params: {}, context: {} });
}

async function queueRow(orgId: string, state = "pending") {
  const result = await queue.loader({ request: new Request(`http://jiebang.test/admin/organisations?state=${state}&q=${encodeURIComponent("待认证单位")}`, { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
  return result.rows.find((r) => r.id === orgId);
}

async function decide(fields: Record<string, string>) {
  const request = new Request("http://jiebang.test/admin/organisations", {
    method: "POST", headers: { Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields),
  });
  return (await queue.action({ request, params: {}, context: {} })) as unknown as Result;
}

describe("uploading a verification document", () => {
  it("stores a member's business licence, audits it, lists it on the page and in the admin queue", async () => {
    const org = await pendingOrganisation();
    const response = await upload(org.member.cookie, "business_licence", "营业执照（副本）.pdf", SAMPLES.pdf);
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/vendor/profile/verification");

    const document = await db.verificationDocument.findFirstOrThrow({ where: { orgId: org.id }, include: { attachment: true } });
    expect(document.kind).toBe("business_licence");
    expect(document.attachment).toMatchObject({ filename: "营业执照（副本）.pdf", mimeType: "application/pdf", size: SAMPLES.pdf.length, orgId: org.id, uploadedById: org.member.id });
    const key = document.attachment!.storageKey;
    expect(fs.readFileSync(path.join(dataDir, "attachments", key.slice(0, 2), key))).toEqual(Buffer.from(SAMPLES.pdf));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organisation.document_upload" } });
    expect(audit).toMatchObject({
      actorId: org.member.id, entityType: "organisation", orgId: org.id,
      data: { documentId: document.id, attachmentId: document.attachment!.id, kind: "business_licence", filename: "营业执照（副本）.pdf", size: SAMPLES.pdf.length, sha256: document.attachment!.sha256 },
    });
    expect(await db.auditEvent.count({ where: { entityId: document.attachment!.id, action: "attachment.upload" } })).toBe(1);

    const mine = await loadPage(org.member.cookie);
    expect(mine).toMatchObject({ state: "pending", editable: true, canResubmit: false });
    expect(mine.documents.map((d) => [d.kind, d.attachment?.filename])).toEqual([["business_licence", "营业执照（副本）.pdf"]]);

    // The admin queue shows the document; an organisation without any is marked by an empty list.
    const bare = await pendingOrganisation();
    expect((await queueRow(org.id))?.verificationDocuments.map((d) => ({ kind: d.kind, filename: d.attachment?.filename, size: d.attachment?.size })))
      .toEqual([{ kind: "business_licence", filename: "营业执照（副本）.pdf", size: SAMPLES.pdf.length }]);
    expect((await queueRow(bare.id))?.verificationDocuments).toEqual([]);

    // The audit viewer tells the event in words, the kind included.
    const events = await auditRoute.loader({ request: new Request(`http://jiebang.test/admin/audit?record=${org.id}&action=organisation.document_upload`, { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
    expect(events.events[0]).toMatchObject({ actionText: "上传认证材料" });
    expect(events.events[0]!.fields).toContainEqual({ label: "类型", value: "营业执照" });
  });

  it("accepts images and an institute's certificate; refuses other types, fakes, empty and oversized files with a clear 4xx, storing nothing", async () => {
    const org = await pendingOrganisation("institute");
    expect(statusOf(await upload(org.member.cookie, "institution_certificate", "事业单位法人证书.png", SAMPLES.png))).toBe(302);
    expect(statusOf(await upload(org.member.cookie, "authorisation_letter", "授权委托书.jpg", SAMPLES.jpeg))).toBe(302);
    const before = await db.verificationDocument.count({ where: { orgId: org.id } });
    expect(before).toBe(2);

    const refused: [Result, number, string][] = [
      // A Word file is an attachment elsewhere, never a certificate.
      [await upload(org.member.cookie, "other", "营业执照.docx", SAMPLES.docx), 400, "vd.error.type"],
      [await upload(org.member.cookie, "other", "setup.exe", SAMPLES.exe), 400, "vd.error.type"],
      // Named like a PDF, but not one.
      [await upload(org.member.cookie, "business_licence", "营业执照.pdf", SAMPLES.exe), 422, "att.contentMismatch"],
      [await upload(org.member.cookie, "business_licence", "营业执照.pdf", SAMPLES.png), 422, "att.contentMismatch"],
      [await upload(org.member.cookie, "business_licence", "空白.pdf", new Uint8Array(0)), 400, "att.empty"],
      [await post(org.member.cookie, { intent: "upload", kind: "business_licence" }), 400, "att.noFile"],
      [await upload(org.member.cookie, "passport", "营业执照.pdf", SAMPLES.pdf), 400, "vd.error.kind"],
      [await post(org.member.cookie, { intent: "delete-everything" }), 400, "error.badRequest"],
    ];
    for (const [response, status, error] of refused) {
      expect(statusOf(response), error).toBe(status);
      expect(errorOf(response)).toBe(error);
    }
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set(SAMPLES.pdf);
    const tooBig = await upload(org.member.cookie, "business_licence", "高清扫描.pdf", big);
    expect(statusOf(tooBig)).toBe(413);
    expect(errorOf(tooBig)).toBe("att.tooLarge");
    expect(await db.verificationDocument.count({ where: { orgId: org.id } })).toBe(before);
    expect(await db.attachment.count({ where: { orgId: org.id } })).toBe(before);
  });

  it("keeps to the member's own organisation: ?org= of another is ignored, another's document cannot be removed", async () => {
    const mine = await pendingOrganisation();
    const theirs = await pendingOrganisation();
    expect(statusOf(await upload(theirs.member.cookie, "business_licence", "他人执照.pdf", SAMPLES.pdf))).toBe(302);
    const theirDocument = await db.verificationDocument.findFirstOrThrow({ where: { orgId: theirs.id }, select: { id: true } });

    // The organisation comes from the member's own membership, never from the request.
    expect(statusOf(await upload(mine.member.cookie, "business_licence", "我的执照.pdf", SAMPLES.pdf, `?org=${theirs.id}`))).toBe(302);
    expect(await db.verificationDocument.count({ where: { orgId: theirs.id } })).toBe(1);
    expect(await db.verificationDocument.count({ where: { orgId: mine.id } })).toBe(1);

    const removal = await post(mine.member.cookie, { intent: "remove", documentId: theirDocument.id });
    expect(statusOf(removal)).toBe(404);
    expect(errorOf(removal)).toBe("vd.error.notFound");
    expect(await db.verificationDocument.count({ where: { id: theirDocument.id } })).toBe(1);

    // An officer, an evaluator or an admin has no verification page of their own.
    for (const role of ["officer", "evaluator", "admin"] as const) {
      const outsider = await createUser(db, role);
      const refused = await post(await cookieFor(outsider.id), { intent: "upload", kind: "business_licence" }, { name: "x.pdf", bytes: SAMPLES.pdf });
      expect(statusOf(refused), role).toBe(403);
    }
  });

  it("a member removes a document while pending: row, file row and bytes go, the removal is audited", async () => {
    const org = await pendingOrganisation();
    await upload(org.member.cookie, "other", "旧版执照.pdf", SAMPLES.pdf);
    const document = await db.verificationDocument.findFirstOrThrow({ where: { orgId: org.id }, include: { attachment: true } });
    const key = document.attachment!.storageKey;
    const response = await post(org.member.cookie, { intent: "remove", documentId: document.id });
    expect(statusOf(response)).toBe(302);
    expect(await db.verificationDocument.count({ where: { id: document.id } })).toBe(0);
    expect(await db.attachment.count({ where: { id: document.attachment!.id } })).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "attachments", key.slice(0, 2), key))).toBe(false);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organisation.document_remove" } })).toMatchObject({
      actorId: org.member.id, data: { documentId: document.id, attachmentId: document.attachment!.id, kind: "other", filename: "旧版执照.pdf" },
    });
    expect((await get(document.attachment!.id, org.member.cookie)).status).toBe(404);
  });
});

describe("after the admin's decision", () => {
  it("a verified organisation's documents are read-only (409 with the reason) and still there", async () => {
    const org = await pendingOrganisation();
    await upload(org.member.cookie, "business_licence", "营业执照.pdf", SAMPLES.pdf);
    const document = await db.verificationDocument.findFirstOrThrow({ where: { orgId: org.id }, select: { id: true } });
    // The admin verifies on the documents the queue showed: a form from before the upload is refused.
    const stale = await decide({ intent: "verify", orgId: org.id, documents: "" });
    expect(statusOf(stale)).toBe(409);
    expect(errorOf(stale)).toBe("adm.verify.error.documentsChanged");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { verified: true } })).verified).toBe(false);
    expect(statusOf(await decide({ intent: "verify", orgId: org.id, documents: document.id }))).toBe(302);

    for (const response of [
      await upload(org.member.cookie, "authorisation_letter", "授权委托书.pdf", SAMPLES.pdf),
      await post(org.member.cookie, { intent: "remove", documentId: document.id }),
    ]) {
      expect(statusOf(response)).toBe(409);
      expect(errorOf(response)).toBe("vd.error.locked");
    }
    expect(await db.verificationDocument.count({ where: { orgId: org.id } })).toBe(1);
    expect(await loadPage(org.member.cookie)).toMatchObject({ state: "verified", editable: false });
  });

  it("a rejected organisation adds documents and asks again: pending in the queue, audited; not twice, not without documents", async () => {
    const org = await pendingOrganisation();
    expect(statusOf(await decide({ intent: "reject", orgId: org.id, reason: "请上传营业执照扫描件" }))).toBe(302);
    const empty = await post(org.member.cookie, { intent: "resubmit" });
    expect(statusOf(empty)).toBe(422);
    expect(errorOf(empty)).toBe("vd.error.noDocuments");
    expect(await loadPage(org.member.cookie)).toMatchObject({ state: "rejected", editable: true, canResubmit: false });

    expect(statusOf(await upload(org.member.cookie, "business_licence", "营业执照.pdf", SAMPLES.pdf))).toBe(302);
    expect(await queueRow(org.id)).toBeUndefined();
    expect(statusOf(await post(org.member.cookie, { intent: "resubmit" }))).toBe(302);
    const row = await queueRow(org.id);
    expect(row).toMatchObject({ state: "pending", rejectionReason: "请上传营业执照扫描件" });
    expect(row?.verificationDocuments).toHaveLength(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organisation.resubmit" } }))
      .toMatchObject({ actorId: org.member.id, data: { documents: 1, previousReason: "请上传营业执照扫描件" } });

    const again = await post(org.member.cookie, { intent: "resubmit" });
    expect(statusOf(again)).toBe(409);
    expect(errorOf(again)).toBe("vd.error.notRejected");
    // The admin can decide again: a second rejection is not refused as "already decided".
    expect(statusOf(await decide({ intent: "reject", orgId: org.id, reason: "执照已过有效期" }))).toBe(302);
  });
});

describe("who may download a verification document", () => {
  it("the organisation's members and the admins; nobody else, not even signed in (404, as for an unknown file)", async () => {
    const org = await pendingOrganisation();
    await upload(org.member.cookie, "business_licence", "营业执照.pdf", SAMPLES.pdf);
    const { attachment } = await db.verificationDocument.findFirstOrThrow({ where: { orgId: org.id }, select: { attachment: { select: { id: true } } } });
    const colleague = await createUser(db, "vendor", { orgId: org.id });

    for (const cookie of [org.member.cookie, await cookieFor(colleague.id), admin.cookie]) {
      const response = await get(attachment!.id, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(SAMPLES.pdf);
    }
    for (const role of ["vendor", "officer", "evaluator"] as const) {
      const outsider = await createUser(db, role);
      expect((await get(attachment!.id, await cookieFor(outsider.id))).status, role).toBe(404);
    }
    expect((await get(attachment!.id)).status).toBe(404);
  });
});
