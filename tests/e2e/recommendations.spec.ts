import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { VENDORS } from "../../prisma/seed-data/vendors";
import { createScenario } from "../fixtures/scenarios";

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

test.describe("a department's likely vendors", () => {
  test("come with their evidence, and a listing nobody can deliver says there is no good match", async ({ page, db, loginAs }) => {
    const water = await db.organisation.findFirstOrThrow({ where: { name: "郑州市水利局", type: "department" }, select: { id: true } });
    const officer = await loginAs("officer", { orgId: water.id });
    const reservoir = await db.scenario.findUniqueOrThrow({ where: { code: "ZZ-2026-0002" }, select: { id: true } });
    await page.goto(`/department/scenarios/${reservoir.id}`);
    const section = page.getByRole("region", { name: "可能的揭榜方" });
    await expect(section.getByRole("listitem").first()).toBeVisible();
    await expect(section.getByText("匹配词").first()).toBeVisible();
    await expect(section.getByRole("listitem").first().getByText("水库").first()).toBeVisible();

    // A draft about something no company or institute of the catalogue does.
    const draft = await createScenario(db, { departmentId: water.id, createdById: officer.id, status: "draft" });
    try {
      await db.scenario.update({
        where: { id: draft.id },
        data: {
          title: "殡葬服务网上预约与文明祭扫", summary: "为群众提供殡葬服务网上预约、费用公示和文明祭扫指引。",
          description: "## 需求\n\n- 殡仪服务预约\n- 墓位查询\n- 祭扫预约", sector: "social_governance", techTags: [], kpis: ["预约办结率 ≥ 95%"],
        },
      });
      await page.goto(`/department/scenarios/${draft.id}`);
      await expect(page.getByRole("region", { name: "可能的揭榜方" }).getByRole("status")).toHaveText(/^暂无合适的揭榜方/);
      await expect(page.getByRole("region", { name: "可能的揭榜方" }).getByRole("listitem")).toHaveCount(0);
    } finally {
      await db.scenario.delete({ where: { id: draft.id } });
    }
  });
});
