import { test, expect } from "./fixtures";

// The open-data page and what it links to, signed out and with JavaScript switched off, in both languages.
test.use({ javaScriptEnabled: false });

test("the /opendata page documents the endpoints in Chinese and English, and its links answer OCDS JSON and Atom", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "开放数据" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "开放数据" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "数据接口" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "许可协议" })).toBeVisible();

  const releaseHref = await page.locator('a[href^="/opendata/ocds/releases/ocds-"]').first().getAttribute("href");
  const release = await request.get(releaseHref!);
  expect(release.status()).toBe(200);
  expect(release.headers()["content-type"]).toContain("application/json");
  expect((await release.json()).version).toBe("1.1");
  const feed = await request.get((await page.getByRole("link", { name: "新发布的场景" }).getAttribute("href"))!);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What is not published" })).toBeVisible();
});
