import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// 答疑 across two people: the vendor asks, the department answers in its own browser, the vendor
// sees the answer on the public page and a notification with the unread count in the header.
test("a vendor asks, the department answers, the vendor sees the answer and a notification", async ({ page, db, loginAs, browser, baseURL }) => {
  const department = await createOrganisation(db, "department", `郑州市城管局（测试 ${uniqueSuffix()}）`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `道路积水预警 ${uniqueSuffix()}` });
  const vendorOrg = await createOrganisation(db, "vendor", `中原智水科技 ${uniqueSuffix()}`);
  await loginAs("vendor", { orgId: vendorOrg.id });
  const question = `是否提供历史积水点位数据？${uniqueSuffix()}`;
  const answer = `提供近三年积水点位及雨量站数据。${uniqueSuffix()}`;

  await page.goto(`/scenarios/${scenario.code}`);
  await expect(page.getByRole("link", { name: "通知", exact: true })).toBeVisible();
  // Too short: refused with a message, nothing lost.
  await page.getByLabel("问题内容").fill("数据");
  await page.getByRole("button", { name: "提交问题" }).click();
  await expect(page.getByText("问题至少需要 5 个字。")).toBeVisible();
  await expect(page.getByLabel("问题内容")).toHaveValue("数据");
  await page.getByLabel("问题内容").fill(question);
  await page.getByRole("button", { name: "提交问题" }).click();
  await expect(page.getByRole("status")).toContainText("问题已提交");
  await expect(page.getByRole("heading", { name: "本单位待答复的问题" })).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();

  // The department, in its own browser session, sees who asked and answers.
  const officerContext = await browser.newContext({ baseURL });
  const token = await createSessionToken(db, officer.id);
  await officerContext.addCookies([{ name: "jb_session", value: sessionCookieValue(token), url: baseURL! }]);
  const officerPage = await officerContext.newPage();
  await officerPage.goto(`/department/scenarios/${scenario.id}`);
  await officerPage.getByRole("link", { name: "答疑（1 条待答复）" }).click();
  await expect(officerPage.getByText(vendorOrg.name)).toBeVisible();
  await expect(officerPage.getByText(question)).toBeVisible();
  await officerPage.getByLabel("答复内容").fill(answer);
  await officerPage.getByRole("button", { name: "发布答复" }).click();
  await expect(officerPage.getByRole("status")).toContainText("答复已发布");
  await officerContext.close();

  // The vendor: the answer is public, the asker is not named, and the header counts the notice.
  await page.goto(`/scenarios/${scenario.code}`);
  const qa = page.locator("#qa");
  await expect(qa.getByText(answer)).toBeVisible();
  await expect(qa.getByText(vendorOrg.name)).toHaveCount(0);
  // The worker writes the notices a moment after the answer (the event fan-out): reload until counted.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "通知 (1)" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "通知 (1)" }).click();
  await expect(page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `答疑已答复：${scenario.title}` })).toBeVisible();
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByRole("link", { name: "通知", exact: true })).toBeVisible();
});
