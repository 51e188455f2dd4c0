import { test, expect } from "./fixtures";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";

// What a person sees when something is refused: the app's own page in their language, the reason
// next to the field it concerns, and never a bare message key.

test("a link to a file that does not exist opens a friendly 404 page; scripts still get the short answer", async ({ page, request }) => {
  const response = await page.goto("/attachments/doesnotexist0001");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  await expect(page.getByRole("link", { name: "浏览场景机会" }).last()).toBeVisible();
  await expect(page.locator("body")).not.toContainText("error.notFound");
  // The page is the app's, hydrated: its links navigate on the client.
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  const api = await request.get("/attachments/doesnotexist0001", { headers: { Accept: "*/*" } });
  expect(api.status()).toBe(404);
  expect(await api.text()).toBe("error.notFound");
});

test("an unknown page and a forbidden page say what to do next", async ({ page, loginAs }) => {
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  await loginAs("vendor");
  expect((await page.goto("/admin"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  await expect(page.getByText("如果您认为应当有权限")).toBeVisible();
});

test("a refused upload comes back with the upload form and the reason on the file input", async ({ page, db, loginAs }) => {
  const department = await createOrganisation(db, "department", `郑州市测试局 ${uniqueSuffix()}`);
  const officer = await loginAs("officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "draft" });
  await page.goto(`/department/scenarios/${scenario.id}`);
  await page.getByLabel("选择文件").setInputFiles({ name: "方案.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.exe) });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("heading", { name: "附件未能上传" })).toBeVisible();
  const input = page.getByLabel("选择文件");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert")).toContainText("文件内容与扩展名不符");
  // Trying again from the same form works.
  await input.setInputFiles({ name: "方案.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page).toHaveURL(new RegExp(`/department/scenarios/${scenario.id}$`));
  await expect(page.getByRole("link", { name: "方案.pdf" })).toBeVisible();
});

test("an unverified organisation's public page says it is unverified and is not indexed", async ({ page, db }) => {
  const unverified = await createOrganisation(db, "vendor", `新注册智能科技（测试 ${uniqueSuffix()}）`);
  await db.organisation.update({ where: { id: unverified.id }, data: { verified: false } });
  await page.goto(`/vendors/${unverified.id}`);
  await expect(page.getByRole("note").filter({ hasText: "平台尚未核验" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await db.organisation.update({ where: { id: unverified.id }, data: { verified: true } });
  await page.reload();
  await expect(page.getByRole("note").filter({ hasText: "平台尚未核验" })).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
});
