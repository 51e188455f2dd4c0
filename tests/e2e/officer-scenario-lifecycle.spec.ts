import { test, expect } from "./fixtures";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";
import { createScenario } from "../fixtures/scenarios";
import { deadlineInDays, fillScenarioDraft } from "./scenario-draft-form";

test("an officer drafts, publishes, amends and cancels a scenario; the public list follows each state", async ({ page, db, loginAs }) => {
  // A long journey (about 30 s on a quiet machine): twice that would be too tight on a busy one.
  test.setTimeout(120_000);
  const department = await createOrganisation(db, "department", `郑州市水利局（测试 ${uniqueSuffix()}）`);
  await loginAs("officer", { orgId: department.id });
  const title = `水库水位智能预测 ${uniqueSuffix()}`;

  await page.goto("/department/scenarios/new");
  await page.getByLabel("场景名称").fill(title);
  await fillScenarioDraft(page, {
    summary: "基于多源水文数据的水库水位 72 小时滚动预测。", description: "## 背景\n\n汛期需要提前研判水库水位。",
    sector: "disaster_prevention", district: "zhengdong", needType: "tech_breakthrough", budget: { min: "150", max: "300" },
    kpi: "72 小时水位预测误差 ≤ 0.2 米", contact: { name: "赵泽宇", phone: "0371-67170862", email: "slj.ai@zz.example.cn" }, deadline: deadlineInDays(30),
  });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toContainText("草稿已保存");

  // A draft is not public.
  const manageUrl = page.url();
  await page.goto("/scenarios");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  await page.goto(manageUrl);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("场景已发布");
  const code = (await page.locator(".scenario-code").first().textContent())!.trim();
  // The public list is served from the search index, which the job worker updates within seconds.
  await expect(async () => {
    await page.goto("/scenarios");
    await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });

  await page.goto(manageUrl);
  await page.getByRole("link", { name: "发布变更" }).click();
  await page.getByLabel("预算上限（万元）").fill("360");
  await page.getByLabel("变更说明").fill("根据专家论证意见上调预算上限。");
  await page.getByRole("button", { name: "发布变更" }).click();
  await expect(page.getByRole("status")).toContainText("变更已发布");

  await page.goto(`/scenarios/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("根据专家论证意见上调预算上限。")).toBeVisible();
  await expect(page.getByText("360 万元").first()).toBeVisible();
  // The rubric came from the template; vendors read what evaluators will look for.
  const rubric = page.locator("table.rubric-table");
  await expect(rubric.getByRole("columnheader", { name: "评审要点" })).toBeVisible();
  await expect(rubric.getByRole("row", { name: /技术方案.*35%.*技术路线是否先进/ })).toBeVisible();

  await page.goto(manageUrl);
  await page.getByRole("link", { name: "撤榜" }).click();
  await page.getByLabel("撤榜原因").fill("需求已由省级统一建设，本级不再单独建设。");
  await page.getByRole("button", { name: "确认撤榜" }).click();
  await expect(page.getByRole("status")).toContainText("场景已撤榜");

  await expect(async () => {
    await page.goto("/scenarios");
    await expect(page.getByRole("link", { name: title })).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  // Cancelled listings leave search but keep their public page, with the reason.
  await page.goto(`/scenarios/${code}`);
  await expect(page.getByText("需求已由省级统一建设，本级不再单独建设。")).toBeVisible();
});

test("a validation error keeps everything the officer typed", async ({ page, db, loginAs }) => {
  const department = await createOrganisation(db, "department");
  await loginAs("officer", { orgId: department.id });
  await page.goto("/department/scenarios/new");
  await page.getByLabel("场景名称").fill("处方前置审核智能助手");
  await page.getByLabel("预算下限（万元）").fill("500");
  await page.getByLabel("预算上限（万元）").fill("100");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("场景名称")).toHaveValue("处方前置审核智能助手");
  await expect(page.getByLabel("预算下限（万元）")).toHaveValue("500");
});

test("anonymous visitors and vendors are refused the officer's pages", async ({ page, loginAs }) => {
  await page.goto("/department/scenarios/new");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await loginAs("vendor");
  const response = await page.goto("/department");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("您没有权限访问此页面")).toBeVisible();
});

test("after a validation error the cancel button works on the first click", async ({ page, db, loginAs }) => {
  const department = await createOrganisation(db, "department");
  const officer = await loginAs("officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id });
  await page.goto(`/department/scenarios/${scenario.id}/cancel`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "确认撤榜" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  // 修正原因后只点一次按钮。 Fix the reason, then click the button once.
  await page.getByLabel("撤榜原因").fill("需求已由省级统一建设，本级不再单独建设。");
  await page.getByRole("button", { name: "确认撤榜" }).click();
  await expect(page.getByRole("status")).toContainText("场景已撤榜", { timeout: 5_000 });
  expect((await db.scenario.findUniqueOrThrow({ where: { id: scenario.id }, select: { status: true } })).status).toBe("cancelled");
});
