import { test, expect } from "./fixtures";

// The search pages over the seeded demo data, which the launcher indexes after seeding.
const RESERVOIR = "重点水库水位智能预测（常庄、尖岗水库）";
const IMAGING = "基层医疗机构医疗影像辅助诊断系统建设与应用";

test("typing a query finds the reservoir scenario, highlighted, and keeps the box in focus", async ({ page }) => {
  await page.goto("/scenarios");
  const box = page.getByRole("searchbox", { name: "搜索关键词" });
  await box.click();
  await box.pressSequentially("水位", { delay: 50 });
  await expect(page).toHaveURL(/[?&]q=%E6%B0%B4%E4%BD%8D/);
  const link = page.getByRole("link", { name: RESERVOIR });
  await expect(link).toBeVisible();
  await expect(link.locator("mark").first()).toHaveText("水位");
  await expect(page.getByRole("link", { name: IMAGING })).toHaveCount(0);
  // Updating as you type never reloads the page: the reader's box keeps focus and text.
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("水位");
});

test("a sector facet narrows the results and lives in the URL", async ({ page }) => {
  await page.goto("/scenarios");
  await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();
  const facets = page.getByRole("group", { name: "筛选条件" });
  await facets.getByRole("checkbox", { name: /医疗健康/ }).check();
  await expect(page).toHaveURL(/[?&]sector=healthcare/);
  await expect(page.getByRole("link", { name: IMAGING })).toBeVisible();
  await expect(page.getByRole("link", { name: RESERVOIR })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "去掉“医疗健康”" })).toBeVisible();

  // Shareable: the same URL opened afresh shows the same search.
  await page.reload();
  await expect(facets.getByRole("checkbox", { name: /医疗健康/ })).toBeChecked();
  await expect(page.getByRole("link", { name: IMAGING })).toBeVisible();

  await page.getByRole("link", { name: "去掉“医疗健康”" }).click();
  await expect(page).not.toHaveURL(/sector=/);
  await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();
  await expect(facets.getByRole("checkbox", { name: /医疗健康/ })).not.toBeChecked();
});

test("no results suggest removing each filter", async ({ page }) => {
  await page.goto("/scenarios?q=%E6%B0%B4%E4%BD%8D&sector=healthcare");
  const empty = page.getByRole("region", { name: "没有找到符合条件的结果。" });
  await expect(empty).toBeVisible();
  await expect(empty.getByRole("link", { name: "清除关键词“水位”" })).toBeVisible();
  await empty.getByRole("link", { name: "去掉“医疗健康”" }).click();
  await expect(page).toHaveURL(/[?&]q=%E6%B0%B4%E4%BD%8D/);
  await expect(page).not.toHaveURL(/sector=/);
  await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();
});

test("bad parameters are ignored, never an error", async ({ page }) => {
  const response = await page.goto("/scenarios?page=-3&sector=%3Cscript%3E&status=draft&deadline=soon&sort=x");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();
});

test("the vendor directory finds a company and opens its profile", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "揭榜单位名录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("揭榜单位名录");
  await page.getByRole("searchbox", { name: "搜索关键词" }).fill("水库水位");
  await expect(page).toHaveURL(/\/vendors\?q=/);
  await page.getByRole("group", { name: "筛选条件" }).getByRole("checkbox", { name: /仅看已认证单位/ }).check();
  await expect(page).toHaveURL(/verified=1/);
  await page.getByRole("link", { name: "郑州河云水智科技有限公司" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("郑州河云水智科技有限公司");
  await expect(page.getByText("已认证", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "交付案例" })).toBeVisible();
  await expect(page.getByText("中小水库雨水情测报与安全监测")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form, facets and pagination work as plain links and GET forms", async ({ page }) => {
    await page.goto("/scenarios");
    await page.getByRole("searchbox", { name: "搜索关键词" }).fill("水位");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=%E6%B0%B4%E4%BD%8D/);
    await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();

    await page.getByRole("group", { name: "筛选条件" }).getByRole("checkbox", { name: /防灾减灾/ }).check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/[?&]sector=disaster_prevention/);
    await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();

    await page.goto("/scenarios?q=%E6%B0%B4%E4%BD%8D&sector=healthcare");
    await page.getByRole("region", { name: "没有找到符合条件的结果。" }).getByRole("link", { name: "去掉“医疗健康”" }).click();
    await expect(page.getByRole("link", { name: RESERVOIR })).toBeVisible();
  });

  test("a facet's folded values come from a link that unfolds them", async ({ page }) => {
    await page.goto("/scenarios");
    const departments = page.getByRole("group", { name: "发榜单位" });
    await expect(departments.getByRole("checkbox")).toHaveCount(8);
    await departments.locator("summary").click();
    await departments.getByRole("link", { name: /^显示全部 \d+ 项$/ }).click();
    await expect(page).toHaveURL(/[?&]more=department#facet-department$/);
    const boxes = departments.getByRole("checkbox");
    expect(await boxes.count()).toBeGreaterThan(8);
    const id = await boxes.last().getAttribute("value");
    await boxes.last().check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]department=${id}`));
    await expect(page).not.toHaveURL(/more=/);
    await expect(departments.locator(`input[value="${id}"]`)).toBeChecked();
  });
});

test("the result, section and page links open pages in place; a modified click is left to the browser", async ({ page }) => {
  await page.goto("/scenarios");
  await page.waitForLoadState("networkidle");
  // A document load would drop this mark: the links must navigate on the client, as <Link> does.
  await page.evaluate(() => Object.assign(window, { stayedInPage: true }));
  const stayed = () => page.evaluate(() => (window as unknown as { stayedInPage?: boolean }).stayedInPage === true);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "场景机会" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: RESERVOIR }).click();
  await expect(page.getByRole("heading", { level: 1, name: RESERVOIR })).toBeVisible();
  expect(await stayed()).toBe(true);
  // Still the scenarios section: the detail page lies under /scenarios.
  await expect(nav.getByRole("link", { name: "场景机会" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "揭榜单位名录" }).click();
  await expect(page).toHaveURL(/\/vendors$/);
  await expect(nav.getByRole("link", { name: "揭榜单位名录" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "场景机会" })).not.toHaveAttribute("aria-current", "page");
  expect(await stayed()).toBe(true);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: RESERVOIR })).toBeVisible();
  expect(await stayed()).toBe(true);

  // Ctrl+click opens a new tab and leaves this page where it is.
  const [opened] = await Promise.all([page.context().waitForEvent("page"), nav.getByRole("link", { name: "结果公示" }).click({ modifiers: ["Control"] })]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe("/notices");
  await opened.close();
  await expect(page.getByRole("heading", { level: 1, name: RESERVOIR })).toBeVisible();
  expect(await stayed()).toBe(true);
});

test("a facet's folded values open in place, and a ticked one keeps its facet open", async ({ page }) => {
  await page.goto("/scenarios");
  await page.waitForLoadState("networkidle");
  const departments = page.getByRole("group", { name: "发榜单位" });
  const more = departments.locator("summary");
  const folded = Number((await more.textContent())?.match(/\d+/)?.[0]);
  expect(folded).toBeGreaterThan(0);
  // Folded values are not on the page until asked for.
  await expect(departments.getByRole("checkbox")).toHaveCount(8);
  await more.click();
  await expect(departments.getByRole("checkbox")).toHaveCount(8 + folded);
  await expect(departments.getByRole("link", { name: /显示全部/ })).toHaveCount(0);
  const last = departments.getByRole("checkbox").last();
  const id = await last.getAttribute("value");
  await last.check();
  await expect(page).toHaveURL(new RegExp(`[?&]department=${id}`));
  await expect(departments.getByRole("checkbox").last()).toBeChecked();
  // Opened afresh, the ticked value is shown: its facet comes unfolded.
  await page.reload();
  await expect(departments.locator(`input[value="${id}"]`)).toBeChecked();
  await expect(departments.locator("details")).toHaveAttribute("open", "");
  // Folding again hides the others; the summary toggles.
  await page.goto("/scenarios");
  await page.waitForLoadState("networkidle");
  await more.click();
  await more.click();
  await expect(departments.getByRole("checkbox")).toHaveCount(8);
});
