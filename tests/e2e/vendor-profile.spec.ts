import { test, expect } from "./fixtures";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";

test("a vendor edits its capability profile with a past case; the public page shows it", async ({ page, db, loginAs }) => {
  const org = await createOrganisation(db, "vendor", `中原智算科技（测试 ${uniqueSuffix()}）`);
  await loginAs("vendor", { orgId: org.id });
  const caseTitle = `黄河防汛知识库 ${uniqueSuffix()}`;

  await page.goto("/vendor");
  await page.getByRole("link", { name: "编辑能力画像" }).click();
  await expect(page.getByRole("heading", { name: "编辑能力画像" })).toBeVisible();
  await page.getByLabel("单位简介（中文）").fill("专注防汛应急领域的大模型与知识图谱应用。");
  await page.getByRole("checkbox", { name: "防灾减灾" }).check();
  await page.getByRole("checkbox", { name: "大模型" }).check();
  await page.getByRole("checkbox", { name: "郑东新区" }).check();
  await page.getByLabel("资质与认证").fill("通过测评的大模型产品");
  await page.getByLabel("团队规模（人）").fill("45");
  // Cases are rows: a half-filled row comes back with its cells marked and everything typed still there.
  await page.getByRole("button", { name: "在「交付案例」末尾添加一行" }).click();
  await page.getByLabel("第 1 行 案例名称").fill(caseTitle);
  await page.getByLabel("第 1 行 领域").selectOption({ label: "防灾减灾" });
  await page.getByLabel("第 1 行 年份").fill("2024");
  await page.getByLabel("第 1 行 简介").fill("汛期值守问答");
  await page.getByRole("button", { name: "在「交付案例」末尾添加一行" }).click();
  await page.getByLabel("第 2 行 案例名称").fill("只有名称");
  await page.getByRole("button", { name: "保存能力画像" }).click();
  await expect(page.getByText("请从列表中选择领域。")).toBeVisible();
  await expect(page.getByText("年份应为 1990 年至明年之间的四位数字。")).toBeVisible();
  await expect(page.getByLabel("单位简介（中文）")).toHaveValue("专注防汛应急领域的大模型与知识图谱应用。");
  await expect(page.getByLabel("第 1 行 案例名称")).toHaveValue(caseTitle);

  await page.getByRole("button", { name: "删除「交付案例」第 2 行" }).click();
  await page.getByRole("button", { name: "保存能力画像" }).click();
  await expect(page.getByRole("status")).toContainText("能力画像已保存");

  await page.goto(`/vendors/${org.id}`);
  await expect(page.getByText("专注防汛应急领域的大模型与知识图谱应用。")).toBeVisible();
  await expect(page.getByRole("heading", { name: caseTitle })).toBeVisible();
  await expect(page.getByText("通过测评的大模型产品")).toBeVisible();
  await expect(page.getByText("团队规模：45 人")).toBeVisible();
});

test("an officer uploads a Chinese-named PDF to a draft; it is listed and downloads with its name", async ({ page, db, loginAs }) => {
  const department = await createOrganisation(db, "department", `郑州市应急管理局（测试 ${uniqueSuffix()}）`);
  const officer = await loginAs("officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "draft" });
  const filename = "防汛应急预案（2026版）.pdf";

  await page.goto(`/department/scenarios/${scenario.id}`);
  await page.getByLabel("选择文件").setInputFiles({ name: filename, mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("status")).toContainText("附件已上传");
  const link = page.getByRole("link", { name: filename });
  await expect(link).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(filename);

  // The header itself (not only the link's download attribute) carries the UTF-8 name.
  const href = (await link.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(filename).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
  expect(Buffer.from(await response.body())).toEqual(Buffer.from(SAMPLES.pdf));

  // A refused file says why, with a way back, and is not listed.
  await page.goto(`/department/scenarios/${scenario.id}`);
  await page.getByLabel("选择文件").setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.png) });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("alert")).toContainText("文件内容与扩展名不符");
  // The way back leads to the scenario. It is followed with goto: a click on the answer to a POST
  // sometimes left the page where it was, and the next upload then went nowhere.
  await expect(page.getByRole("link", { name: "← 返回" })).toHaveAttribute("href", `/department/scenarios/${scenario.id}`);
  await page.goto(`/department/scenarios/${scenario.id}`);
  await expect(page.getByRole("link", { name: "伪装.pdf" })).toHaveCount(0);

  // Too large: stopped while streaming, answered with a message (413), not a crash.
  const big = Buffer.alloc(21 * 1024 * 1024);
  Buffer.from(SAMPLES.pdf).copy(big);
  await page.getByLabel("选择文件").setInputFiles({ name: "超大附件.pdf", mimeType: "application/pdf", buffer: big });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("alert")).toContainText("文件过大");

  // Signed out, a draft's file does not exist.
  await page.context().clearCookies();
  expect((await page.request.get(href)).status()).toBe(404);
});
