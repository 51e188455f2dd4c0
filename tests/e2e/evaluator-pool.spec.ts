import { test, expect } from "./fixtures";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

// The admin keeps the evaluator pool and the links between organisations that conflict detection
// follows. The affiliation is added without JavaScript (the row editor posts the form); the pool
// filter and the link with it.

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin adds an expert's current organisation from the pool page", async ({ page, db, loginAs }) => {
    const expert = await createUser(db, "evaluator", { name: `王专家 ${uniqueSuffix()}` });
    await db.evaluatorProfile.create({ data: { userId: expert.id, title: "教授" } });
    const company = await createOrganisation(db, "vendor", `中原智水科技 ${uniqueSuffix()}`);
    await loginAs("admin");

    await page.goto("/admin");
    await page.getByRole("link", { name: "评审专家库" }).click();
    await page.getByLabel("姓名、邮箱、职称或专长").fill(expert.name);
    await page.getByRole("button", { name: "筛选" }).click();
    const row = page.getByRole("row", { name: new RegExp(expert.name) });
    await expect(row).toContainText("教授");
    await row.getByRole("link", { name: `编辑专家 ${expert.name}` }).click();
    await expect(page.getByRole("heading", { name: `编辑专家：${expert.name}` })).toBeVisible();

    // The add button posts the form and the page comes back with an empty first row.
    await page.getByLabel("专长简介").fill("水文预报、防汛调度");
    await page.getByRole("button", { name: "在「任职单位」末尾添加一行" }).click();
    await expect(page.getByLabel("专长简介")).toHaveValue("水文预报、防汛调度");
    await page.getByLabel("第 1 行 单位").fill(company.name);
    await page.getByLabel("第 1 行 起始年份").fill("2019");
    await page.getByRole("button", { name: "保存" }).click();

    await expect(page.getByText("专家信息已保存")).toBeVisible();
    await expect(page.getByLabel("第 1 行 单位")).toHaveValue(company.name);
    await expect(page.getByText("平台单位")).toBeVisible();
    const stored = await db.evaluatorAffiliation.findMany({ where: { userId: expert.id }, select: { orgId: true, fromYear: true, toYear: true } });
    expect(stored).toEqual([{ orgId: company.id, fromYear: 2019, toYear: null }]);

    // The pool table shows it as the expert's current organisation.
    await page.getByRole("link", { name: "返回专家库" }).click();
    await expect(page.getByRole("row", { name: new RegExp(expert.name) })).toContainText(company.name);
  });
});

test("an admin links two organisations found by search, then removes the link", async ({ page, db, loginAs }) => {
  const tag = uniqueSuffix();
  const group = await createOrganisation(db, "vendor", `豫智控股集团 ${tag}`);
  const vendor = await createOrganisation(db, "vendor", `豫智视觉科技 ${tag}`);
  const expert = await createUser(db, "evaluator", { name: `停用专家 ${tag}` });
  await db.evaluatorProfile.create({ data: { userId: expert.id, active: false } });
  await loginAs("admin");

  // With JavaScript the pool page hydrates and filters in place (its options come with the page).
  await page.goto("/admin/evaluators");
  await page.getByLabel("姓名、邮箱、职称或专长").fill(expert.name);
  await page.getByLabel("状态", { exact: true }).selectOption({ label: "已停用" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=inactive/);
  await expect(page.getByRole("row", { name: new RegExp(expert.name) })).toContainText("已停用");

  await page.goto("/admin");
  await page.getByRole("link", { name: "单位关联关系" }).click();
  const search = page.getByLabel("按单位名称、简称或统一社会信用代码搜索");
  await search.fill(group.name);
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await page.getByRole("link", { name: `将 ${group.name} 设为甲方` }).click();
  const picked = page.locator("dl.facts");
  await expect(picked).toContainText(`甲方${group.name}（`);
  await search.fill(vendor.name);
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await page.getByRole("link", { name: `将 ${vendor.name} 设为乙方` }).click();
  await expect(picked).toContainText(`乙方${vendor.name}（`);
  await expect(picked).toContainText(`甲方${group.name}（`);

  await page.getByLabel("关系", { exact: true }).selectOption({ label: "甲方是乙方的母公司" });
  await page.getByLabel("备注（如持股比例、依据）").fill("持股 80%");
  await page.getByRole("button", { name: "添加关联" }).click();
  await expect(page.getByText("关联关系已添加")).toBeVisible();

  await search.fill(tag);
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  const linkRow = page.getByRole("row", { name: /持股 80%/ });
  await expect(linkRow).toContainText(group.name);
  await expect(linkRow).toContainText(vendor.name);
  expect(await db.organisationLink.count({ where: { fromOrgId: group.id, toOrgId: vendor.id, kind: "parent" } })).toBe(1);

  await linkRow.getByRole("button", { name: `删除 ${group.name} 与 ${vendor.name} 的关联` }).click();
  await expect(page.getByText("关联关系已删除")).toBeVisible();
  await expect(page.getByRole("row", { name: /持股 80%/ })).toHaveCount(0);
  expect(await db.auditEvent.count({ where: { entityId: group.id, action: { in: ["organisation.link_add", "organisation.link_remove"] } } })).toBe(2);
});

// 专家填写任职单位时，输入名称的一部分即提示平台上相符的单位（数万家单位中只取相符的几家），选中后保存即与该单位关联。
// While an expert types part of an organisation's name, the platform's matching organisations are
// suggested (a few matches, never the whole list); the full name, once saved, links the row.
test("an expert typing an affiliation is offered the matching organisations and links one", async ({ page, db, loginAs }) => {
  const tag = uniqueSuffix();
  const company = await createOrganisation(db, "institute", `黄河水文智能研究院 ${tag}`);
  await createOrganisation(db, "vendor", `黄河数智科技 ${tag}`);
  const expert = await loginAs("evaluator");
  await db.evaluatorProfile.create({ data: { userId: expert.id, title: "研究员" } });

  await page.goto("/evaluator/profile");
  await page.getByRole("button", { name: "在「任职单位」末尾添加一行" }).click();
  const org = page.getByLabel("第 1 行 单位");
  const options = page.locator("datalist#ep-org-options option");
  await org.fill(tag);
  await expect(options).toHaveCount(2);
  await org.fill(`水文智能研究院 ${tag}`);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute("value", company.name);
  await org.fill(company.name);
  await page.getByLabel("第 1 行 起始年份").fill("2020");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("专家资料已保存");
  await expect(page.getByText("平台单位")).toBeVisible();
  const stored = await db.evaluatorAffiliation.findMany({ where: { userId: expert.id }, select: { orgId: true, fromYear: true } });
  expect(stored).toEqual([{ orgId: company.id, fromYear: 2020 }]);
});
