import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let attachments: typeof import("../../app/modules/attachments/attachments.server");
let upload: typeof import("../../app/routes/attachments.upload");
let download: typeof import("../../app/routes/attachments.$id");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-attachments-"));

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by env(); set before any app module loads
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  attachments = await import("../../app/modules/attachments/attachments.server");
  upload = await import("../../app/routes/attachments.upload");
  download = await import("../../app/routes/attachments.$id");
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const CHINESE_NAME = "郑州市防汛方案（终稿）.pdf";
type Result = Response | { init: ResponseInit | null; data: { error: string } };
const status = (r: Result) => (r instanceof Response ? r.status : (r.init?.status ?? 200));

async function cookieFor(userId: string) {
  return `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
}

async function post(userId: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }): Promise<Result> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("file", new File([file.bytes], file.name, { type: "application/octet-stream" }));
  const request = new Request("http://jiebang.test/attachments/upload?redirectTo=%2Fdepartment", { method: "POST", headers: { Cookie: await cookieFor(userId) }, body });
  try {
    return (await upload.action({ request, params: {}, context: {} })) as unknown as Result;
  } catch (thrown) {
    return thrown as Response;
  }
}

async function get(id: string, userId?: string): Promise<Response> {
  const headers = userId ? { Cookie: await cookieFor(userId) } : undefined;
  try {
    return (await download.loader({ request: new Request(`http://jiebang.test/attachments/${id}`, { headers }), params: { id }, context: {} })) as Response;
  } catch (thrown) {
    return thrown as Response;
  }
}

async function draftWithOfficer() {
  const officer = await createUser(db, "officer");
  const scenario = await createScenario(db, { departmentId: officer.orgId, createdById: officer.id, status: "draft" });
  return { officer, scenario };
}

describe("upload route", () => {
  it("stores a Chinese-named PDF under a random key; the download keeps the name", async () => {
    const { officer, scenario } = await draftWithOfficer();
    const response = await post(officer.id, { kind: "scenario", id: scenario.id, redirectTo: `/department/scenarios/${scenario.id}` }, { name: CHINESE_NAME, bytes: SAMPLES.pdf });
    expect(status(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/department/scenarios/${scenario.id}`);
    const row = await db.attachment.findFirstOrThrow({ where: { scenarioId: scenario.id } });
    expect(row).toMatchObject({ filename: CHINESE_NAME, mimeType: "application/pdf", size: SAMPLES.pdf.length, orgId: officer.orgId });
    expect(row.sha256).toBe(crypto.createHash("sha256").update(SAMPLES.pdf).digest("hex"));
    expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(fs.readFileSync(path.join(dataDir, "attachments", row.storageKey.slice(0, 2), row.storageKey))).toEqual(Buffer.from(SAMPLES.pdf));
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "attachment.upload", entityType: "attachment" } })).toBe(1);

    const file = await get(row.id, officer.id);
    expect(file.status).toBe(200);
    // An ASCII fallback for old clients, then the exact UTF-8 name (RFC 6266 / 5987).
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="_+\.pdf"; filename\*=UTF-8''%E9%83%91%E5%B7%9E[%0-9A-F]+\.pdf$/);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(SAMPLES.pdf);
    // The encoded name decodes back to the original.
    const star = /filename\*=UTF-8''(.+)$/.exec(file.headers.get("Content-Disposition")!)![1]!;
    expect(decodeURIComponent(star)).toBe(CHINESE_NAME);
  });

  it("refuses a file over the size limit with 413, storing nothing", async () => {
    const { officer, scenario } = await draftWithOfficer();
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set(SAMPLES.pdf);
    const response = await post(officer.id, { kind: "scenario", id: scenario.id }, { name: "大文件.pdf", bytes: big });
    expect(status(response)).toBe(413);
    expect((response as { data: { error: string } }).data.error).toBe("att.tooLarge");
    expect(await db.attachment.count({ where: { scenarioId: scenario.id } })).toBe(0);
  });

  it("checks the type by content: a PNG named .pdf and an .exe renamed .pdf are refused", async () => {
    const { officer, scenario } = await draftWithOfficer();
    for (const bytes of [SAMPLES.png, SAMPLES.exe]) {
      const response = await post(officer.id, { kind: "scenario", id: scenario.id }, { name: "方案.pdf", bytes });
      expect(status(response)).toBe(422);
      expect((response as { data: { error: string } }).data.error).toBe("att.contentMismatch");
    }
    expect(status(await post(officer.id, { kind: "scenario", id: scenario.id }, { name: "setup.exe", bytes: SAMPLES.exe }))).toBe(400);
    expect(status(await post(officer.id, { kind: "scenario", id: scenario.id }))).toBe(400); // no file
    expect(status(await post(officer.id, { kind: "bogus", id: scenario.id }, { name: "a.pdf", bytes: SAMPLES.pdf }))).toBe(400);
    expect(await db.attachment.count({ where: { scenarioId: scenario.id } })).toBe(0);
  });

  it("only the owning department's officers may attach (to a published scenario, as an amendment)", async () => {
    const { scenario } = await draftWithOfficer();
    const otherOfficer = await createUser(db, "officer");
    const vendor = await createUser(db, "vendor");
    const file = { name: "a.pdf", bytes: SAMPLES.pdf };
    expect(status(await post(otherOfficer.id, { kind: "scenario", id: scenario.id }, file))).toBe(404);
    expect(status(await post(vendor.id, { kind: "scenario", id: scenario.id }, file))).toBe(404);
    const { officer: owner } = await draftWithOfficer();
    const published = await createScenario(db, { departmentId: owner.orgId, createdById: owner.id, status: "published" });
    expect(status(await post(otherOfficer.id, { kind: "scenario", id: published.id }, file))).toBe(404);
    expect(await db.attachment.count({ where: { scenarioId: { in: [scenario.id, published.id] } } })).toBe(0);
    // The owner may: the file arrives with a new, material version (see scenario-file-amendment.test.ts).
    expect(status(await post(owner.id, { kind: "scenario", id: published.id }, file))).toBe(302);
    expect(await db.attachment.count({ where: { scenarioId: published.id } })).toBe(1);
    const cancelled = await createScenario(db, { departmentId: owner.orgId, createdById: owner.id, status: "cancelled" });
    expect(status(await post(owner.id, { kind: "scenario", id: cancelled.id }, file))).toBe(404);
  });

  it("never takes the redirect target off-site", async () => {
    const { officer, scenario } = await draftWithOfficer();
    const response = await post(officer.id, { kind: "scenario", id: scenario.id, redirectTo: "//evil.example" }, { name: "a.pdf", bytes: SAMPLES.pdf });
    expect((response as Response).headers.get("Location")).toBe("/department");
  });
});

describe("storage keys and scenario file access", () => {
  it("gives the same file uploaded twice two unrelated random keys", async () => {
    const { officer, scenario } = await draftWithOfficer();
    const save = () => attachments.saveAttachment({ orgId: officer.orgId, uploadedById: officer.id, scenarioId: scenario.id, file: new File([SAMPLES.pdf], CHINESE_NAME) });
    const [a, b] = [await save(), await save()];
    expect(a.storageKey).not.toBe(b.storageKey);
    for (const key of [a.storageKey, b.storageKey]) {
      expect(key).toMatch(/^[a-f0-9]{32}$/);
      expect(key).not.toContain(a.id);
    }
    expect(a.sha256).toBe(b.sha256);
  });

  it("a draft's files are for its department only (404 to others); public once published", async () => {
    const { officer, scenario } = await draftWithOfficer();
    const row = await attachments.saveAttachment({ orgId: officer.orgId, uploadedById: officer.id, scenarioId: scenario.id, file: new File([SAMPLES.textZh], "说明.md") });
    const vendor = await createUser(db, "vendor");
    const otherOfficer = await createUser(db, "officer");
    expect((await get(row.id)).status).toBe(404);
    expect((await get(row.id, vendor.id)).status).toBe(404);
    expect((await get(row.id, otherOfficer.id)).status).toBe(404);
    expect((await get(row.id, officer.id)).headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    await db.scenario.update({ where: { id: scenario.id }, data: { status: "published", publishedAt: new Date() } });
    expect((await get(row.id)).status).toBe(200);
    expect((await get("doesnotexist123")).status).toBe(404);
  });
});

describe("canReadAttachment for a proposal file (sealing)", () => {
  it("org member always; the department only after closing and only for a submitted proposal; never another vendor", async () => {
    const officer = await createUser(db, "officer");
    const vendor = await createUser(db, "vendor");
    const colleague = await createUser(db, "vendor", { orgId: vendor.orgId });
    const otherVendor = await createUser(db, "vendor");
    const admin = await createUser(db, "admin");
    const scenario = await createScenario(db, { departmentId: officer.orgId, createdById: officer.id, status: "published" });
    const proposal = await db.proposal.create({ data: { scenarioId: scenario.id, orgId: vendor.orgId, createdById: vendor.id, status: "submitted", submittedAt: new Date() } });
    const row = await attachments.saveAttachment({ orgId: vendor.orgId, uploadedById: vendor.id, proposalId: proposal.id, file: new File([SAMPLES.pdf], "技术方案.pdf") });

    const memberships = async (userId: string) => ({ memberships: await db.membership.findMany({ where: { userId }, select: { orgId: true, role: true, org: { select: { id: true, name: true, type: true, verified: true } } } }) });
    const canRead = async (userId: string | null) => {
      const full = await db.attachment.findUniqueOrThrow({ where: { id: row.id }, select: { scenario: { select: { departmentId: true, status: true, publishedAt: true, deadline: true } }, proposal: { select: { orgId: true, status: true, scenario: { select: { departmentId: true, status: true, publishedAt: true, deadline: true } } } } } });
      return attachments.canReadAttachment(userId ? await memberships(userId) : null, full);
    };

    expect(await canRead(vendor.id)).toBe(true);
    expect(await canRead(colleague.id)).toBe(true);
    expect(await canRead(officer.id)).toBe(false); // sealed before the deadline
    expect(await canRead(otherVendor.id)).toBe(false);
    expect(await canRead(admin.id)).toBe(false);
    expect(await canRead(null)).toBe(false);
    expect((await get(row.id, officer.id)).status).toBe(404);

    await db.scenario.update({ where: { id: scenario.id }, data: { status: "closed", closedAt: new Date(), deadline: new Date(Date.now() - 1000) } });
    expect(await canRead(officer.id)).toBe(true);
    expect(await canRead(otherVendor.id)).toBe(false);
    expect((await get(row.id, officer.id)).status).toBe(200);
    expect((await get(row.id, otherVendor.id)).status).toBe(404);

    // A proposal that was never submitted stays with its vendor, even after closing.
    await db.proposal.update({ where: { id: proposal.id }, data: { status: "draft" } });
    expect(await canRead(officer.id)).toBe(false);
    expect(await canRead(vendor.id)).toBe(true);
  });

  it("a vendor may attach to its own draft proposal while the call is open, not to another's", async () => {
    const officer = await createUser(db, "officer");
    const vendor = await createUser(db, "vendor");
    const otherVendor = await createUser(db, "vendor");
    const scenario = await createScenario(db, { departmentId: officer.orgId, createdById: officer.id, status: "published" });
    const proposal = await db.proposal.create({ data: { scenarioId: scenario.id, orgId: vendor.orgId, createdById: vendor.id } });
    const file = { name: "团队简历.docx", bytes: SAMPLES.docx };
    expect(status(await post(otherVendor.id, { kind: "proposal", id: proposal.id }, file))).toBe(404);
    expect(status(await post(officer.id, { kind: "proposal", id: proposal.id }, file))).toBe(404);
    expect(status(await post(vendor.id, { kind: "proposal", id: proposal.id }, file))).toBe(302);
    const rows = await db.attachment.findMany({ where: { proposalId: proposal.id } });
    expect(rows.map((r) => [r.filename, r.orgId])).toEqual([["团队简历.docx", vendor.orgId]]);
  });
});
