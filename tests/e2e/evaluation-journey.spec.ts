import type { Browser } from "@playwright/test";
import { test, expect } from "./fixtures";
import { closedScenario, createExpert } from "../fixtures/evaluation-assign";
import { createSessionToken, sessionCookieValue, uniqueSuffix } from "../fixtures/users";
import type { PrismaClient } from "../../app/generated/prisma/client";

// The whole evaluation in the browser: the department assigns three experts from the suggestions;
// each accepts, declares no conflict, reads and scores both proposals and submits; the department
// sees the ranking in the summary and downloads the score sheet.

async function pageAs(browser: Browser, baseURL: string, db: PrismaClient, userId: string) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, userId)), url: baseURL }]);
  return { page: await context.newPage(), close: () => context.close() };
}

const JUSTIFICATION = "方案论证充分，技术路线与场景指标对应清楚，实施计划可行。";

test("assign three from the suggestions, each declares, scores and submits, the department ranks and downloads", async ({ page, db, browser, baseURL, context }) => {
  test.setTimeout(180_000);
  const tag = uniqueSuffix();
  const s = await closedScenario(db, [{ orgName: `领先智能 ${tag}` }, { orgName: `追赶科技 ${tag}` }]);
  // Frozen at closing in the product; here the scenario was written closed, so freeze its rubric the same way.
  await db.criterion.createMany({ data: [
    { scenarioId: s.id, position: 0, name: "技术方案", guidance: "路线是否可行", weight: 60, maxScore: 10 },
    { scenarioId: s.id, position: 1, name: "团队能力", guidance: "团队是否匹配", weight: 40, maxScore: 10 },
  ] });
  const experts = [];
  for (const n of ["甲", "乙", "丙"]) {
    experts.push(await createExpert(db, { name: `评审专家${n} ${tag}`, sectors: ["disaster_prevention"], techTags: ["llm"], expertise: "防汛指挥、知识库问答" }));
  }

  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, s.officer.id)), url: baseURL! }]);
  await page.goto(`/department/scenarios/${s.id}/evaluation`);
  for (const e of experts) {
    await page.getByRole("button", { name: `指派 ${e.name}` }).click();
    await expect(page.getByRole("status")).toContainText("已指派");
  }
  await expect(page.getByTestId("staffing")).toHaveText("3 / 3");

  const [leader, follower] = s.proposals;
  for (const [i, e] of experts.entries()) {
    const expert = await pageAs(browser, baseURL!, db, e.id);
    const ep = expert.page;
    await ep.goto("/evaluator");
    await ep.getByTestId("group-to-accept").getByRole("link", { name: "查看并答复" }).click();
    await ep.getByRole("button", { name: "接受邀请" }).click();
    await expect(ep.getByRole("status")).toContainText("已接受");
    const items = ep.getByTestId("declaration-item");
    for (const n of [0, 1]) {
      await items.nth(n).getByLabel("不存在").check();
      await items.nth(n).getByRole("button", { name: "提交声明" }).click();
      await expect(items.nth(n)).toContainText("无利益冲突");
    }
    const assignment = await db.evaluationAssignment.findFirstOrThrow({ where: { scenarioId: s.id, evaluatorId: e.id }, select: { id: true } });
    // The leader scores higher with every expert; one expert is stricter than the others.
    for (const [proposal, score] of [[leader!, 9 - i * 0.5], [follower!, 6 - i * 0.5]] as const) {
      await ep.goto(`/evaluator/assignments/${assignment.id}/proposals/${proposal.id}`);
      await expect(ep.getByRole("heading", { name: "评分表" })).toBeVisible();
      for (const n of [0, 1]) {
        await ep.getByLabel(/^评分（0–/).nth(n).fill(String(score));
        await ep.getByLabel("评分理由").nth(n).fill(JUSTIFICATION);
      }
      await ep.getByRole("button", { name: "提交评分" }).click();
      await expect(ep.getByText(/您已于 .* 提交此评分表，评分表已锁定。/)).toBeVisible();
    }
    await expert.close();
  }

  await page.goto(`/department/scenarios/${s.id}/evaluation/summary`);
  await expect(page.getByTestId("readiness")).toHaveText("全部应提交的评分表均已提交，可以作出决定。");
  // Means of 90/85/80 and 60/55/50 (weighted totals on 0–100).
  await expect(page.getByTestId(`result-${leader!.id}`).getByTestId("score")).toHaveText("85");
  await expect(page.getByTestId(`result-${follower!.id}`).getByTestId("score")).toHaveText("55");
  await expect(page.getByTestId(`result-${leader!.id}`)).toContainText(`领先智能 ${tag}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel（.xlsx）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
});
