import { test, expect } from "./fixtures";

// The public statistics page, signed out and without JavaScript, in both languages: charts drawn
// on the server (SVG in the HTML), each with its data table and CSV, and the plans' targets with
// their sources.
test.describe("without JavaScript, signed out", () => {
  test.use({ javaScriptEnabled: false });

  test("statistics in Chinese: charts as SVG, data tables, CSV downloads, targets with sources", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "数据统计" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "数据统计" })).toBeVisible();
    const sector = page.getByRole("region", { name: "按应用领域" });
    await expect(sector.getByRole("img", { name: "按应用领域" })).toBeVisible();
    await expect(sector.getByRole("table", { name: "数据表：按应用领域" })).toBeVisible();
    await expect(sector.getByRole("columnheader", { name: "已发布" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "豫政办〔2024〕64号" })).toContainText("2024-10-23");
    await expect(page.getByRole("heading", { name: "郑州：深度融合应用场景" })).toBeVisible();
    await expect(page.locator(".stats-svg svg")).toHaveCount(8);

    const href = await sector.getByRole("link", { name: "下载 CSV：按应用领域" }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("应用领域,已发布,征集中,已定榜,挂帅实施中,已交付");
  });

  test("statistics in English", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "jb_locale", value: "ImVuIg%3D%3D", url: baseURL! }]);
    await page.goto("/stats");
    await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
    await expect(page.getByRole("img", { name: "By mechanism" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Data table: By mechanism" })).toContainText("Horse race");
    await expect(page.getByRole("listitem").filter({ hasText: "General Office of the Henan Provincial People's Government" })).toContainText("about 100 leading demonstration typical cases");
  });
});
