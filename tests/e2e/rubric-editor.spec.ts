import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";

// The rubric (and every list of the scenario form) is edited row by row. Without JavaScript each
// add / remove / move button posts the form and the page comes back with the rows changed and
// everything typed kept; with JavaScript the same buttons work in place.

const TEMPLATE = ["技术方案", "创新性", "实用性与可推广性", "团队能力", "经费合理性"];

async function fillBasics(page: Page, title: string) {
  await page.getByLabel("场景名称").fill(title);
  await page.getByLabel("场景简介").fill("基于多源水文数据的水库水位 72 小时滚动预测。");
  await page.getByLabel("需求详情").fill("## 背景\n\n汛期需要提前研判水库水位。");
  await page.getByLabel("应用领域").selectOption("disaster_prevention");
  await page.getByLabel("所在区域").selectOption("zhengdong");
  await page.getByLabel("需求类型").selectOption("tech_breakthrough");
  await page.getByLabel("联系电话").fill("0371-67170862");
  await page.getByLabel("申报截止时间").fill("2030-06-30T17:00");
}

const criterion = (page: Page, n: number) => page.getByLabel(`第 ${n} 行 评审指标`);
const weight = (page: Page, n: number) => page.getByLabel(`第 ${n} 行 权重（%）`);
const criteria = (page: Page) => page.getByRole("textbox", { name: /^第 \d+ 行 评审指标/ });

async function criterionValues(page: Page): Promise<string[]> {
  const inputs = await criteria(page).all();
  return Promise.all(inputs.map((input) => input.inputValue()));
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer edits the rubric row by row: add, remove, move, fix the weights, save", async ({ page, db, loginAs }) => {
    const department = await createOrganisation(db, "department");
    await loginAs("officer", { orgId: department.id });
    const title = `水库水位智能预测 ${uniqueSuffix()}`;

    await page.goto("/department/scenarios/new");
    expect(await criterionValues(page)).toEqual(TEMPLATE);
    await expect(weight(page, 1)).toHaveValue("35");
    await expect(page.getByText("当前权重合计：100")).toBeVisible();
    await fillBasics(page, title);
    await page.getByLabel("第 1 行 技术指标").fill("72 小时水位预测误差 ≤ 0.2 米");

    // Add a row: the form goes to the server and comes back with a sixth row and all typed kept.
    const added = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/department/scenarios/new"));
    await page.getByRole("button", { name: "在「评审指标」末尾添加一行" }).click();
    expect((await added).status()).toBe(200);
    await expect(criteria(page)).toHaveCount(6);
    await expect(page.getByLabel("场景名称")).toHaveValue(title);
    await expect(page.getByLabel("第 1 行 技术指标")).toHaveValue("72 小时水位预测误差 ≤ 0.2 米");
    await expect(page.getByLabel("第 6 行 满分")).toHaveValue("10");
    await criterion(page, 6).fill("数据安全与合规");
    await page.getByLabel("第 6 行 评审要点（供评审专家参考，选填）").fill("数据分级分类、脱敏与访问控制是否到位。");
    await weight(page, 6).fill("10");

    // Remove 创新性 (row 2), then move 数据安全与合规 (now row 5) up one place.
    await page.getByRole("button", { name: "删除「评审指标」第 2 行" }).click();
    expect(await criterionValues(page)).toEqual(["技术方案", "实用性与可推广性", "团队能力", "经费合理性", "数据安全与合规"]);
    await expect(criterion(page, 5)).toHaveValue("数据安全与合规");
    await page.getByRole("button", { name: "上移「评审指标」第 5 行" }).click();
    expect(await criterionValues(page)).toEqual(["技术方案", "实用性与可推广性", "团队能力", "数据安全与合规", "经费合理性"]);
    await expect(page.getByLabel("第 4 行 评审要点（供评审专家参考，选填）")).toHaveValue("数据分级分类、脱敏与访问控制是否到位。");

    // 35 + 20 + 15 + 10 + 10 = 90: saving is refused with the total, and nothing is lost.
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("各项权重合计为 90，须为 100")).toBeVisible();
    await expect(page.getByLabel("场景名称")).toHaveValue(title);
    expect(await criterionValues(page)).toEqual(["技术方案", "实用性与可推广性", "团队能力", "数据安全与合规", "经费合理性"]);

    await weight(page, 1).fill("45");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status")).toContainText("草稿已保存");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

    const saved = await db.scenario.findFirstOrThrow({ where: { title }, select: { rubric: true, kpis: true, responsibleUnits: true } });
    expect(saved.rubric).toEqual([
      { criterion: "技术方案", guidance: expect.stringContaining("技术路线"), weight: 45, maxScore: 10 },
      { criterion: "实用性与可推广性", guidance: expect.any(String), weight: 20, maxScore: 10 },
      { criterion: "团队能力", guidance: expect.any(String), weight: 15, maxScore: 10 },
      { criterion: "数据安全与合规", guidance: "数据分级分类、脱敏与访问控制是否到位。", weight: 10, maxScore: 10 },
      { criterion: "经费合理性", guidance: expect.any(String), weight: 10, maxScore: 10 },
    ]);
    expect(saved.kpis).toEqual(["72 小时水位预测误差 ≤ 0.2 米"]);
    expect(saved.responsibleUnits).toEqual([]);
  });
});

test.describe("with JavaScript", () => {
  test("rows are added, removed and moved in place, without a round trip", async ({ page, db, loginAs }) => {
    const department = await createOrganisation(db, "department");
    await loginAs("officer", { orgId: department.id });
    await page.goto("/department/scenarios/new");
    // The buttons work in place once the page is hydrated (its scripts loaded).
    await page.waitForLoadState("networkidle");
    await expect(criteria(page)).toHaveCount(5);
    await page.getByLabel("场景名称").fill("处方前置审核智能助手");

    const posts: string[] = [];
    page.on("request", (request) => { if (request.method() === "POST") posts.push(request.url()); });

    await page.getByRole("button", { name: "在「评审指标」末尾添加一行" }).click();
    await expect(criteria(page)).toHaveCount(6);
    await expect(criterion(page, 6)).toBeFocused();
    await criterion(page, 6).fill("数据安全与合规");
    await page.getByRole("button", { name: "删除「评审指标」第 1 行" }).click();
    await expect(criteria(page)).toHaveCount(5);
    expect(await criterionValues(page)).toEqual(["创新性", "实用性与可推广性", "团队能力", "经费合理性", "数据安全与合规"]);
    await page.getByRole("button", { name: "下移「评审指标」第 1 行" }).click();
    expect(await criterionValues(page)).toEqual(["实用性与可推广性", "创新性", "团队能力", "经费合理性", "数据安全与合规"]);
    await expect(page.getByRole("button", { name: "下移「评审指标」第 2 行" })).toBeFocused();

    // The KPI list works the same way.
    await page.getByLabel("第 1 行 技术指标").fill("审核准确率 ≥ 95%");
    await page.getByRole("button", { name: "在「技术指标」末尾添加一行" }).click();
    await page.getByLabel("第 2 行 技术指标").fill("单张处方审核 ≤ 2 秒");
    await page.getByRole("button", { name: "上移「技术指标」第 2 行" }).click();
    await expect(page.getByLabel("第 1 行 技术指标")).toHaveValue("单张处方审核 ≤ 2 秒");

    await expect(page.getByLabel("场景名称")).toHaveValue("处方前置审核智能助手");
    expect(posts).toEqual([]);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("rubric rows stack within the screen: no sideways scrolling, inputs full width", async ({ page, db, loginAs }) => {
    const department = await createOrganisation(db, "department");
    await loginAs("officer", { orgId: department.id });
    await page.goto("/department/scenarios/new");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const input = await criterion(page, 1).boundingBox();
    const remove = await page.getByRole("button", { name: "删除「评审指标」第 1 行" }).boundingBox();
    expect(input!.width).toBeGreaterThan(250);
    // The buttons sit above the inputs, inside the screen.
    expect(remove!.x + remove!.width).toBeLessThanOrEqual(390);
    expect(remove!.y).toBeLessThan(input!.y);
  });
});
