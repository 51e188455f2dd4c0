import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";
import { createScenario } from "../fixtures/scenarios";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// Input is normalised once at the edge: control characters are taken out of every field, and a body
// that is not a form gets a 400 that says so, before any route reads it.
let cleanup: () => Promise<void>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
});

async function vendorAndScenario() {
  const officer = await createUser(db, "officer");
  const scenario = await createScenario(db, { departmentId: officer.orgId, createdById: officer.id });
  const vendor = await createUser(db, "vendor");
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, vendor.id))}`;
  return { scenario, vendor, cookie };
}

it("NUL and other control characters in a text field are removed, and the question is saved", async () => {
  const { scenario, cookie } = await vendorAndScenario();
  const body = "请问\u0000是否提供\u0007历史积水\u001b点位数据？\r\n第二行\t缩进";
  const response = await fetch(`${web.url}/scenarios/${scenario.code}/questions`, {
    method: "POST", body: new URLSearchParams({ body }), headers: { Cookie: cookie }, redirect: "manual",
  });
  expect(response.status).toBe(302);
  const saved = await db.question.findFirstOrThrow({ where: { scenarioId: scenario.id }, select: { body: true } });
  expect(saved.body).toBe("请问是否提供历史积水点位数据？\r\n第二行\t缩进");
});

it("the same in a multipart form", async () => {
  const { scenario, cookie } = await vendorAndScenario();
  const form = new FormData();
  form.append("body", "多部分\u0000表单里的问题？");
  const response = await fetch(`${web.url}/scenarios/${scenario.code}/questions`, { method: "POST", body: form, headers: { Cookie: cookie }, redirect: "manual" });
  expect(response.status).toBe(302);
  expect((await db.question.findFirstOrThrow({ where: { scenarioId: scenario.id } })).body).toBe("多部分表单里的问题？");
});

it("a NUL that leaves a field invalid re-renders the form with its message (400), not a 500", async () => {
  const response = await fetch(`${web.url}/login`, { method: "POST", body: new URLSearchParams({ email: "\u0000", password: "x\u0000" }) });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('id="login-title"');
});

it.each([
  ["JSON", "application/json", JSON.stringify({ email: "a@b.cn", password: "x" })],
  ["plain text", "text/plain;charset=UTF-8", "email=a@b.cn\r\npassword=x"],
  ["an unknown type", "application/octet-stream", "email=a@b.cn"],
  ["no type", null, "email=a@b.cn"],
])("a body in %s where a form is expected answers 400 with a message", async (_label, type, body) => {
  const response = await fetch(`${web.url}/login`, { method: "POST", body: new TextEncoder().encode(body), headers: type ? { "Content-Type": type } : {} });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain("请求格式不正确");
});

it.each([
  ["cut short", "multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b"],
  ["with another boundary", "multipart/form-data; boundary=abc", "--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.cn\r\n--xyz--\r\n"],
  ["without a boundary", "multipart/form-data", "--abc\r\n\r\n"],
])("a multipart body %s answers 400 with a message", async (_label, type, body) => {
  const response = await fetch(`${web.url}/login`, { method: "POST", body, headers: { "Content-Type": type } });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain("表单内容不完整或已损坏");
});

it("an empty post without a type is an empty form: validation answers, not a crash", async () => {
  const response = await fetch(`${web.url}/forgot-password`, { method: "POST" });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain("<form");
});

it("encoded control characters in the path and query are removed before routing", async () => {
  const { scenario, cookie } = await vendorAndScenario();
  const response = await fetch(`${web.url}/scenarios/${scenario.code}%00/interest?x=%00`, {
    method: "POST", body: new URLSearchParams({ intent: "follow" }), headers: { Cookie: cookie }, redirect: "manual",
  });
  expect(response.status).toBe(302);
  expect(await db.scenarioInterest.count({ where: { scenarioId: scenario.id } })).toBe(1);
});

it("a path that is not valid UTF-8 answers 400", async () => {
  const response = await fetch(`${web.url}/scenarios/%ED%A0%80/interest`, { method: "POST", body: new URLSearchParams({ intent: "follow" }) });
  expect(response.status).toBe(400);
});
