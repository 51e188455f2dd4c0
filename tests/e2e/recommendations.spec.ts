import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { VENDORS } from "../../prisma/seed-data/vendors";

// The demo vendor (the first company of the seed, 中原智算) sees explained recommendations and marks
// one "not relevant". Both tests change that organisation's feedback, so they run one after the
// other and each starts and ends with none (a stopped run must not shorten the next run's list).
test.describe.configure({ mode: "serial" });

const DEMO_VENDOR = VENDORS.find((v) => v.type === "vendor")!;

async function demoVendorId(db: import("../../app/generated/prisma/client").PrismaClient): Promise<string> {
  const org = await db.organisation.findUniqueOrThrow({ where: { creditCode: DEMO_VENDOR.creditCode }, select: { id: true } });
  await db.recommendationFeedback.deleteMany({ where: { orgId: org.id } });
  return org.id;
}

function recommendations(page: Page) {
  return page.getByRole("region", { name: "为您推荐的场景" });
}

async function dismissFirst(page: Page): Promise<string> {
  const first = recommendations(page).getByRole("listitem").first();
  const title = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
  await first.getByRole("button", { name: `将“${title}”标记为不相关` }).click();
  return title;
}

test.describe("with JavaScript", () => {
  let orgId = "";
  test.afterEach(async ({ db }) => {
    if (orgId) await db.recommendationFeedback.deleteMany({ where: { orgId } });
  });

  test("recommendations come with a score and reasons; 'not relevant' removes one for good", async ({ page, db, loginAs }) => {
    orgId = await demoVendorId(db);
    await loginAs("vendor", { orgId });
    await page.goto("/vendor");

    const section = recommendations(page);
    const items = section.getByRole("listitem");
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeLessThanOrEqual(10);
    // Every recommendation shows its score and why it was made.
    await expect(items.first().getByText(/^匹配度 \d+$/)).toBeVisible();
    await expect(items.first().getByText("匹配词")).toBeVisible();
    await expect(section.getByText("共同行业").first()).toBeVisible();

    const title = await dismissFirst(page);
    await expect(page.getByText("已标记为不相关，今后将减少类似推荐。")).toBeVisible();
    await expect(section.getByRole("heading", { name: title })).toHaveCount(0);
    await page.reload();
    await expect(recommendations(page).getByRole("listitem").first()).toBeVisible();
    await expect(recommendations(page).getByRole("heading", { name: title })).toHaveCount(0);
    expect(await db.recommendationFeedback.count({ where: { orgId } })).toBe(1);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  let orgId = "";
  test.afterEach(async ({ db }) => {
    if (orgId) await db.recommendationFeedback.deleteMany({ where: { orgId } });
  });

  test("'not relevant' is a plain form", async ({ page, db, loginAs }) => {
    orgId = await demoVendorId(db);
    await loginAs("vendor", { orgId });
    await page.goto("/vendor");
    const title = await dismissFirst(page);
    await expect(page).toHaveURL(/\/vendor$/);
    await expect(page.getByText("已标记为不相关，今后将减少类似推荐。")).toBeVisible();
    await expect(recommendations(page).getByRole("heading", { name: title })).toHaveCount(0);
  });
});
