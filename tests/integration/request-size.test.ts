import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";
import { rawPost } from "../fixtures/raw-http";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// Request bodies are limited before they are read: a form post gets a small allowance, an upload
// a larger one, and anything over is answered 413 at once instead of being buffered.
let cleanup: () => Promise<void>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let db: typeof import("../../app/utils/db.server")["db"];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-size-"));
const MB = 1024 * 1024;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("an anonymous 200 MB post to /login is refused by its declared length, before the body is read", async () => {
  const reply = await rawPost(web.url, "/login", { totalBytes: 200 * MB, timeoutMs: 5000 });
  expect(reply.status).toBe(413);
  expect(reply.ms).toBeLessThan(2000);
  expect(reply.sentBytes).toBeLessThan(32 * MB);
  expect(reply.headers.connection).toBe("close");
  expect(reply.body).toContain("请求内容过大");
});

it("a chunked body without a declared length is cut off once it passes the form limit", async () => {
  const reply = await rawPost(web.url, "/login", { totalBytes: 64 * MB, declareLength: false, timeoutMs: 5000 });
  expect(reply.status).toBe(413);
  // The server stopped reading near 1 MB; what the client sent beyond that sat in socket buffers.
  expect(reply.sentBytes).toBeLessThan(16 * MB);
});

it("a form just under the limit is read as usual", async () => {
  const reply = await rawPost(web.url, "/login", { totalBytes: 900 * 1024, timeoutMs: 10_000 });
  expect(reply.status).toBe(400); // the login form again, with its validation message
  expect(reply.body).toContain('id="login-title"');
  expect(reply.sentBytes).toBe(900 * 1024);
});

it("an upload gets the larger allowance: 2 MB passes the edge, a declared 21 MB is refused with the reason", async () => {
  const department = await createUser(db, "officer");
  const scenario = await createScenario(db, { departmentId: department.orgId, createdById: department.id, status: "draft" });
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, department.id))}`;
  const big = new Uint8Array(2 * MB);
  big.set(SAMPLES.pdf);
  const form = new FormData();
  form.append("kind", "scenario");
  form.append("id", scenario.id);
  form.append("file", new File([big], "方案.pdf", { type: "application/pdf" }));
  const ok = await fetch(`${web.url}/attachments/upload?redirectTo=%2Fdepartment`, { method: "POST", body: form, headers: { Cookie: cookie }, redirect: "manual" });
  expect(ok.status).toBe(302);
  expect(await db.attachment.count({ where: { scenarioId: scenario.id } })).toBe(1);

  const tooBig = await rawPost(web.url, "/attachments/upload?redirectTo=%2Fdepartment", {
    totalBytes: 21 * MB, timeoutMs: 5000, headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x" },
  });
  expect(tooBig.status).toBe(413);
  expect(tooBig.ms).toBeLessThan(2000);
  expect(tooBig.body).toContain("文件过大");
  expect(tooBig.body).toContain('href="/department"');
});

it("an organisation's verification document gets the upload allowance too: a 2 MB scanned licence passes the edge", async () => {
  const org = await db.organisation.create({ data: { name: "扫描件科技", type: "vendor", verified: false }, select: { id: true } });
  const member = await createUser(db, "vendor", { orgId: org.id });
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, member.id))}`;
  const scan = new Uint8Array(2 * MB);
  scan.set(SAMPLES.pdf);
  const form = new FormData();
  form.append("intent", "upload");
  form.append("kind", "business_licence");
  form.append("file", new File([scan], "营业执照扫描件.pdf", { type: "application/pdf" }));
  const ok = await fetch(`${web.url}/vendor/profile/verification`, { method: "POST", body: form, headers: { Cookie: cookie }, redirect: "manual" });
  expect(ok.status).toBe(302);
  expect(await db.verificationDocument.count({ where: { orgId: org.id } })).toBe(1);
});

it("delivery evidence and objections, up to five files each, pass the edge for a signed-in member; signed out, the form limit holds", async () => {
  const { EVIDENCE_BODY_LIMIT } = await import("../../app/server/body-limits");
  const member = await createUser(db, "vendor");
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, member.id))}`;
  const multipart = { "Content-Type": "multipart/form-data; boundary=x" };
  for (const path of ["/vendor/delivery/ZZ-2026-0001", "/vendor/delivery/ZZ-2026-0001.data", "/notices/ZZ-2026-0001/objection"]) {
    // Once the body is read the page answers as it would (not 413 at the edge).
    const three = await rawPost(web.url, path, { totalBytes: 3 * MB, timeoutMs: 10_000, headers: { ...multipart, Cookie: cookie } });
    expect(three.status, path).not.toBe(413);
    const tooBig = await rawPost(web.url, path, { totalBytes: EVIDENCE_BODY_LIMIT + 1, timeoutMs: 5000, headers: { ...multipart, Cookie: cookie } });
    expect(tooBig.status, path).toBe(413);
    expect(tooBig.body).toContain("文件过大");
    // Signed out (or with a made-up session), nothing can be uploaded: the server never holds more than a form.
    for (const headers of [multipart, { ...multipart, Cookie: "jb_session=bm90LWEtc2Vzc2lvbg%3D%3D" }]) {
      const anonymous = await rawPost(web.url, path, { totalBytes: 3 * MB, timeoutMs: 5000, headers });
      expect(anonymous.status, path).toBe(413);
      expect(anonymous.ms).toBeLessThan(2000);
    }
  }
});
