import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { journeyPages, type JourneyPage } from "./journey-pages";

// The public, vendor and evaluator journeys at 390×844 (a common phone): nothing wider than the
// screen, the header on one row, and what the visitor came for — the first result, the facts, the
// form's primary action — within the first two screens. Each page is photographed into the test's
// output folder (attached to the report) so a reviewer sees what was checked.
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

let pages: JourneyPage[];
test.beforeAll(async ({ db }) => { pages = await journeyPages(db); });

async function open(page: Page, name: string, baseURL: string) {
  const target = pages.find((p) => p.name === name)!;
  if (target.session) await page.context().addCookies([{ name: "jb_session", value: target.session, url: baseURL }]);
  await page.goto(target.path);
  await expect(page.locator(target.ready).first()).toBeVisible();
  return target;
}

async function checkFrame(page: Page, name: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${name}: horizontal overflow`).toBeLessThanOrEqual(widths.client);
  const header = (await page.locator(".site-header .header-row").boundingBox())!;
  expect(header.height, `${name}: header on one row`).toBeLessThanOrEqual(72);
  await page.screenshot({ path: test.info().outputPath(`${name}-390x844.png`), fullPage: true });
}

/** Top of the element measured from the top of the page (not of the current scroll position). */
async function pageTop(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

const TWO_SCREENS = PHONE.height * 2;

test("home: search box on the first screen, the first open call within two", async ({ page, baseURL }) => {
  await open(page, "home", baseURL!);
  await checkFrame(page, "home");
  expect(await pageTop(page, "#home-q")).toBeLessThan(PHONE.height);
  expect(await pageTop(page, ".scenario-card")).toBeLessThan(TWO_SCREENS);
});

test("search: the filters fold away and the first result is on the first screen", async ({ page, baseURL }) => {
  await open(page, "search", baseURL!);
  await checkFrame(page, "search");
  expect(await pageTop(page, ".scenario-list > li")).toBeLessThan(PHONE.height);
  const sector = page.getByRole("checkbox", { name: /防灾减灾/ });
  await expect(sector).toBeHidden();
  await page.locator(".filter-panel > summary").click();
  await expect(sector).toBeVisible();
});

test("scenario: the call to action and the facts come before the description", async ({ page, baseURL }) => {
  await open(page, "scenario", baseURL!);
  await checkFrame(page, "scenario");
  const cta = await pageTop(page, ".proposal-cta .btn");
  const facts = await pageTop(page, "#facts-title");
  const description = await pageTop(page, ".scenario-main");
  expect(cta).toBeLessThan(PHONE.height);
  expect(facts).toBeLessThan(description);
  expect(facts).toBeLessThan(TWO_SCREENS);
});

test("proposal form: the submit button is on screen from the start and stays there", async ({ page, baseURL }) => {
  await open(page, "proposal-form", baseURL!);
  await checkFrame(page, "proposal-form");
  const submit = page.getByRole("button", { name: "递交申报" });
  await expect(submit).toBeInViewport();
  await page.getByLabel("第 1 行 验收证据").scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();
});

test("score form: a link on the first screen leads to the sheet, whose submit button is then on screen", async ({ page, baseURL }) => {
  await open(page, "score-form", baseURL!);
  await checkFrame(page, "score-form");
  const jump = page.getByRole("link", { name: "去评分表" });
  await expect(jump).toBeInViewport();
  await jump.click();
  await expect(page.getByRole("button", { name: "提交评分" })).toBeInViewport();
});

test("without JavaScript the menu and the filters still open", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/scenarios");
  await expect(page.getByRole("link", { name: "揭榜单位名录" })).toBeHidden();
  await page.locator(".site-menu > summary").click();
  await expect(page.getByRole("link", { name: "揭榜单位名录" })).toBeVisible();
  await page.locator(".filter-panel > summary").click();
  await page.getByRole("checkbox", { name: /防灾减灾/ }).check();
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/sector=disaster_prevention/);
  await context.close();
});
