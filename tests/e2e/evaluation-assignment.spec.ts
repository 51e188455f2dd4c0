import type { Browser } from "@playwright/test";
import { test, expect } from "./fixtures";
import { closedScenario, createExpert } from "../fixtures/evaluation-assign";
import { createSessionToken, sessionCookieValue, uniqueSuffix } from "../fixtures/users";
import type { PrismaClient } from "../../app/generated/prisma/client";

// In the browser: the department sets the due date and assigns three experts from the suggestions
// (a conflicted expert is listed apart with the reason); an expert accepts and declares proposal by
// proposal; in blind review the evaluator's page never names a proposer; a decline reaches the department.

async function pageAs(browser: Browser, baseURL: string, db: PrismaClient, userId: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, userId)), url: baseURL }]);
  return { page: await context.newPage(), close: () => context.close() };
}

test("the department assigns three experts from the suggestions; an expert accepts and declares", async ({ page, db, browser, baseURL, context }) => {
  const tag = uniqueSuffix();
  const s = await closedScenario(db, [{ orgName: `申报企业甲 ${tag}` }, { orgName: `申报企业乙 ${tag}` }], { dueInDays: null });
  const experts = [];
  for (const n of ["一", "二", "三"]) {
    experts.push(await createExpert(db, { name: `防汛专家${n} ${tag}`, sectors: ["disaster_prevention"], techTags: ["llm"], expertise: "防汛指挥、知识库问答" }));
  }
  await createExpert(db, { name: `冲突专家 ${tag}`, sectors: ["disaster_prevention"], affiliations: [{ orgId: s.proposals[0]!.orgId, orgName: s.proposals[0]!.orgName, fromYear: 2020 }] });
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, s.officer.id)), url: baseURL! }]);

  await page.goto(`/department/scenarios/${s.id}`);
  await page.getByRole("link", { name: "评审指派" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("评审指派");
  await expect(page.getByText("请先设定未来的评审截止时间，再指派评审专家。")).toBeVisible();
  // A past date is refused with a message; the form keeps what was typed.
  await page.getByLabel("评审截止时间（北京时间）").fill("2020-01-01T17:00");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("评审截止时间必须晚于现在。")).toBeVisible();
  await page.getByLabel("评审截止时间（北京时间）").fill("2099-06-30T17:00");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("评审设置已保存");

  const excluded = page.getByRole("region", { name: "因利益冲突未推荐的专家" });
  await expect(excluded.getByText(`冲突专家 ${tag}`)).toBeVisible();
  await expect(excluded.getByText(`专家所在单位 ${s.proposals[0]!.orgName} 是申报单位`)).toBeVisible();
  await expect(page.getByRole("button", { name: `指派 冲突专家 ${tag}` })).toHaveCount(0);

  for (const e of experts) {
    await page.getByRole("button", { name: `指派 ${e.name}` }).click();
    await expect(page.getByRole("status")).toContainText("已指派");
  }
  await expect(page.getByTestId("staffing")).toHaveText("3 / 3");
  await expect(page.getByText("已满足")).toBeVisible();
  await expect(page.getByText("评审中").first()).toBeVisible();
  await expect(page.getByTestId("assignment-row")).toHaveCount(3);

  // The first expert, in their own browser.
  const expert = await pageAs(browser, baseURL!, db, experts[0]!.id);
  const ep = expert.page;
  await ep.goto("/evaluator");
  const toAccept = ep.getByTestId("group-to-accept");
  await expect(toAccept).toContainText("2099");
  await toAccept.getByRole("link", { name: "查看并答复" }).click();
  await ep.getByRole("button", { name: "接受邀请" }).click();
  await expect(ep.getByRole("status")).toContainText("已接受");
  const items = ep.getByTestId("declaration-item");
  await expect(items).toHaveCount(2);
  // Not blind: the proposers are named for declaring, but nothing of the content is on the page.
  await expect(items.nth(0)).toContainText(`申报 A · 申报企业甲 ${tag}`);
  await expect(ep.locator("body")).not.toContainText("方案正文");

  await items.nth(0).getByLabel("不存在").check();
  await items.nth(0).getByRole("button", { name: "提交声明" }).click();
  await expect(items.nth(0)).toContainText("无利益冲突：可以阅读并评分");
  await items.nth(1).getByLabel("存在", { exact: true }).check();
  await items.nth(1).getByRole("button", { name: "提交声明" }).click();
  await expect(items.nth(1)).toContainText("请说明利益冲突的情况（至少 5 个字）。");
  await items.nth(1).getByLabel("冲突说明").fill("曾担任该单位技术顾问");
  await items.nth(1).getByRole("button", { name: "提交声明" }).click();
  await expect(items.nth(1)).toContainText("存在利益冲突：您将不会看到这份申报");
  await expect(ep.getByTestId("assignment-progress")).toContainText("已声明 2/2 份");
  await expert.close();

  // The department sees the declared conflict with its reason.
  await page.reload();
  await expect(page.getByTestId("assignment-row").first()).toContainText("本人声明：曾担任该单位技术顾问");
});

test("in blind review the evaluator's pages never name a proposer; a decline reaches the department", async ({ page, db, browser, baseURL, context }) => {
  const tag = uniqueSuffix();
  const vendorName = `盲评企业 ${tag}`;
  const s = await closedScenario(db, [{ orgName: vendorName }]);
  await db.scenario.update({ where: { id: s.id }, data: { blindReview: true } });
  const [blindExpert, decliner] = [await createExpert(db, { name: `盲评专家 ${tag}` }), await createExpert(db, { name: `谢绝专家 ${tag}` })];
  for (const e of [blindExpert, decliner]) {
    await db.evaluationAssignment.create({ data: { scenarioId: s.id, evaluatorId: e.id, dueAt: new Date(Date.now() + 7 * 86_400_000), assignedById: s.officer.id } });
  }

  const expert = await pageAs(browser, baseURL!, db, blindExpert.id);
  await expert.page.goto("/evaluator");
  await expert.page.getByRole("link", { name: "查看并答复" }).click();
  await expert.page.getByRole("button", { name: "接受邀请" }).click();
  await expect(expert.page.getByTestId("declaration-item")).toContainText("申报 A");
  expect(await expert.page.content()).not.toContain(vendorName);
  await expert.page.getByLabel("不存在").check();
  await expert.page.getByRole("button", { name: "提交声明" }).click();
  await expect(expert.page.getByTestId("declaration-item")).toContainText("无利益冲突");
  expect(await expert.page.content()).not.toContain(vendorName);
  // The loader's data as client navigation fetches it (single fetch: "<path>.data") carries no name either.
  const data = await expert.page.request.get(`${new URL(expert.page.url()).pathname}.data`);
  expect(data.status()).toBe(200);
  const body = await data.text();
  expect(body).toContain(s.code);
  expect(body).not.toContain(vendorName);
  await expert.close();

  const other = await pageAs(browser, baseURL!, db, decliner.id);
  await other.page.goto("/evaluator");
  await other.page.getByRole("link", { name: "查看并答复" }).click();
  await other.page.getByText("谢绝邀请").click();
  await other.page.getByLabel("谢绝原因").fill("近期出差无法参加");
  await other.page.getByRole("button", { name: "确认谢绝" }).click();
  await expect(other.page.getByRole("status")).toContainText("已谢绝");
  await expect(other.page.getByTestId("group-done")).toContainText("已谢绝");
  await other.close();

  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, s.officer.id)), url: baseURL! }]);
  await page.goto(`/department/scenarios/${s.id}/evaluation`);
  await expect(page.getByText("已谢绝：近期出差无法参加。请另行指派一位专家。")).toBeVisible();
});
