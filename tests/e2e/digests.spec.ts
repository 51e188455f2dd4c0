import fs from "node:fs";
import path from "node:path";
import PgBoss from "pg-boss";
import { test, expect } from "./fixtures";
import { latestPeriod, windowEndOf } from "../../app/modules/digests/digest-periods";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

// A vendor saves a search on the search page; the daily digest job runs (queued here as the cron
// would queue it); an admin opens the mail in the local outbox, follows its link to the scenario
// and its unsubscribe link, which works without a session and offers to undo.
let boss: PgBoss;

test.beforeAll(async () => {
  const runtime = JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "runtime.json"), "utf8")) as { databaseUrl: string };
  boss = new PgBoss({ connectionString: runtime.databaseUrl, supervise: false, schedule: false, max: 2 });
  await boss.start();
});

test.afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

test("save a search, run the digest, read it in the outbox, follow its link and unsubscribe", async ({ page, context, db, loginAs, baseURL }) => {
  const word = `鲟鱼${uniqueSuffix()}`;
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const listing = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `${word} 智慧渔场投喂与病害预警` });
  // Published inside both windows: the daily digest's that closed last (the day up to its end), which
  // the job below sends, and the preview's (the day up to now). In the last hour before the next
  // window closes, an hour before the last end would be more than a day ago, outside the preview's.
  const period = latestPeriod("daily", new Date());
  const end = windowEndOf(period).getTime();
  const before = Math.min(3_600_000, (end - (Date.now() - 24 * 3_600_000)) / 2);
  await db.scenario.update({ where: { id: listing.id }, data: { publishedAt: new Date(end - before) } });
  await boss.send("search-sync", { kind: "scenario", id: listing.id });

  const vendor = await loginAs("vendor");
  await expect(async () => {
    await page.goto(`/scenarios?q=${encodeURIComponent(word)}`);
    await expect(page.getByRole("link", { name: listing.title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.getByText("保存此搜索").click();
  const name = page.getByLabel("名称");
  await expect(name).toHaveValue(`“${word}”`);
  await name.fill("鲟鱼 · 每日");
  await page.getByLabel("邮件频率").selectOption("daily");
  await page.getByRole("button", { name: "保存搜索" }).click();
  await expect(page.getByText("搜索已保存")).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的订阅" }).click();
  await expect(page.getByLabel("名称")).toHaveValue("鲟鱼 · 每日");
  await page.getByRole("link", { name: "查看“鲟鱼 · 每日”今天会发送的内容" }).click();
  await expect(page.getByRole("region", { name: "“鲟鱼 · 每日”今天会发送的内容" }).getByRole("link", { name: listing.title })).toBeVisible();

  await boss.send("digest-daily", { period: period.key });
  await expect.poll(async () => (await db.mail.findFirst({ where: { to: vendor.email, template: "digest" } }))?.status, { timeout: 30_000 }).toBe("stored");

  await context.clearCookies();
  await loginAs("admin");
  await page.goto(`/dev/outbox?to=${encodeURIComponent(vendor.email)}`);
  // Earlier runs on this data folder may add their 鲟鱼 listings (the search, like the page, drops words from the end).
  await page.getByRole("link", { name: /^【揭榜】每日订阅：\d+ 个新场景机会$/ }).first().click();
  await expect(page.getByText("List-Unsubscribe-Post")).toBeVisible();
  await expect(page.getByText("List-Unsubscribe=One-Click")).toBeVisible();
  const links = page.getByRole("list", { name: "Links in this mail" });

  // Its link: the scenario.
  await links.getByRole("link", { name: `${baseURL}/scenarios/${listing.code}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: listing.title })).toBeVisible();
  await page.goBack();

  // Its unsubscribe link (the footer's, for every digest), followed without a session.
  const header = await page.locator("dt", { hasText: /^List-Unsubscribe$/ }).locator("xpath=following-sibling::dd[1]").innerText();
  const unsubscribeUrl = /^<([^>]+)>/.exec(header)![1]!;
  await expect(links.getByRole("link", { name: unsubscribeUrl })).toBeVisible();
  await context.clearCookies();
  await links.getByRole("link", { name: unsubscribeUrl }).click();
  await expect(page.getByRole("heading", { name: "退订邮件" })).toBeVisible();
  await expect(page.getByText(`确认 ${vendor.email} 不再接收任何订阅摘要邮件？`)).toBeVisible();
  await page.getByRole("button", { name: "确认退订" }).click();
  await expect(page.getByRole("status")).toHaveText(`已退订：${vendor.email} 不再收到任何订阅摘要邮件。`);
  await expect(page.getByRole("button", { name: "撤销退订" })).toBeVisible();
  expect(await db.digestUnsubscribe.findMany({ where: { userId: vendor.id }, select: { scope: true, via: true, undoneAt: true } }))
    .toEqual([{ scope: "all", via: "link", undoneAt: null }]);

  await page.getByRole("button", { name: "撤销退订" }).click();
  await expect(page.getByRole("button", { name: "确认退订" })).toBeVisible();
  expect(await db.digestUnsubscribe.count({ where: { userId: vendor.id, undoneAt: null } })).toBe(0);
});
