import { test, expect } from "./fixtures";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// 截止后，发榜部门在申报页上看到每份申报递交时的附件并能下载；截止前看不到。
// After the deadline the department sees each proposal's submitted files and downloads them; before it, nothing.
test("after the deadline the department lists and downloads the vendor's attachments", async ({ page, db, loginAs, context, baseURL }) => {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `附件可见性 ${uniqueSuffix()}` });
  const filename = `技术方案-${uniqueSuffix()}.pdf`;

  await loginAs("vendor");
  await page.goto(`/vendor/proposals/${scenario.code}`);
  await page.getByLabel("技术方案").fill("## 技术路线\n\n防汛知识问答。");
  await page.getByLabel("团队").fill("张伟（项目负责人）");
  await page.getByLabel("申请经费（万元）").fill("150");
  await page.getByLabel("第 1 行 名称", { exact: true }).fill("原型上线");
  await page.getByLabel("第 1 行 截止日期").fill("2026-06-30");
  await page.getByLabel("第 1 行 交付物").fill("原型系统");
  await page.getByLabel("第 1 行 验收证据").fill("演示视频");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await page.getByLabel("选择文件").setInputFiles({ name: filename, mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("link", { name: filename })).toBeVisible();
  await page.getByRole("button", { name: "递交申报" }).click();
  await expect(page.getByRole("status").filter({ hasText: "申报已递交" })).toBeVisible();

  // 部门的会话。 The department's session.
  await context.clearCookies();
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, officer.id)), url: baseURL! }]);
  await page.goto(`/department/scenarios/${scenario.id}/proposals`);
  await expect(page.getByText("申报截止前内容密封")).toBeVisible();
  await expect(page.getByRole("link", { name: filename })).toHaveCount(0);

  await db.scenario.update({ where: { id: scenario.id }, data: { deadline: new Date(Date.now() - 60_000), status: "closed", closedAt: new Date() } });
  await page.goto(`/department/scenarios/${scenario.id}/proposals`);
  const link = page.getByRole("link", { name: filename });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(Buffer.from(SAMPLES.pdf))).toBe(true);
});
