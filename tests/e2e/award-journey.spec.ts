import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { evaluatedScenario } from "../fixtures/award";
import { createSessionToken, sessionCookieValue } from "../fixtures/users";

// 定标 → 公示 → 异议 → 答复 → 处理 → 公示期满定标, in the browser: the department proposes the award
// and publishes the notice, the public reads it signed out, a vendor objects with evidence, the
// department answers, an admin dismisses, and when the notice ends (the real deadline job, run with
// an injected clock) the scenario is awarded and in delivery.
function databaseUrl(): string {
  return (JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
}

async function signIn(context: BrowserContext, db: Parameters<typeof createSessionToken>[0], userId: string, baseURL: string) {
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, userId)), url: baseURL }]);
}

test("award journey: proposal, public notice, objection, answer, dismissal, notice end", async ({ page, browser, db, baseURL }) => {
  test.setTimeout(120_000);
  const s = await evaluatedScenario(db);
  const [winner, , , objector] = s.proposals;
  await signIn(page.context(), db, s.officer.id, baseURL!);

  // The department proposes the award: the top-ranked proposal is ticked by default.
  await page.goto(`/department/scenarios/${s.scenario.id}/award`);
  await expect(page.getByRole("checkbox", { name: winner!.org.name })).toBeChecked();
  await page.getByRole("button", { name: "提交拟中选结果" }).click();
  await expect(page.getByRole("heading", { name: "拟中选结果（待发布公示）" })).toBeVisible();
  await page.getByRole("button", { name: "发布公示" }).click();
  await expect(page.getByText(/公示中，至 .+ 24 时止/)).toBeVisible();

  // The public, signed out, finds it in the list and reads the notice.
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  await pub.goto("/notices");
  await pub.getByRole("link", { name: s.scenario.title }).click();
  await expect(pub.getByRole("heading", { level: 1 })).toContainText(s.scenario.title);
  await expect(pub.getByTestId("notice-winners")).toContainText(winner!.org.name);
  await expect(pub.getByText(/公示期：.+（共 7 个自然日/)).toBeVisible();
  await expect(pub.getByText("技术方案").first()).toBeVisible();
  await expect(pub.getByText("未收到异议。")).toBeVisible();

  // A vendor that proposed objects, with evidence.
  const vendor = await browser.newContext();
  await signIn(vendor, db, objector!.member.id, baseURL!);
  const v = await vendor.newPage();
  await v.goto(`/notices/${s.scenario.code}`);
  await v.getByRole("link", { name: "提出异议" }).click();
  await v.getByLabel("异议的事实和理由").fill("拟中选单位申报的业绩合同尚未验收，与申报材料所述不符，请核查。");
  await v.getByLabel(/证据材料/).setInputFiles({ name: "合同验收情况.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await v.getByRole("button", { name: "提交异议" }).click();
  await expect(v.getByTestId("objection")).toContainText("待答复");
  await expect(v.getByRole("link", { name: "合同验收情况.pdf" })).toBeVisible();

  // The department answers; it does not see who objected.
  await page.goto(`/department/scenarios/${s.scenario.id}/objections`);
  await expect(page.getByTestId("objection")).toContainText("业绩合同尚未验收");
  await expect(page.getByTestId("objection")).not.toContainText(objector!.org.name);
  await page.getByLabel("书面答复").fill("经核查，相关合同已于上月完成验收，验收报告见平台附件。");
  await page.getByRole("button", { name: "提交答复" }).click();
  await expect(page.getByTestId("objection")).toContainText("已答复，待处理");

  // An admin dismisses it, with reasons.
  const admin = await browser.newContext();
  await signIn(admin, db, s.admin.id, baseURL!);
  const a = await admin.newPage();
  await a.goto("/admin/objections");
  const thread = a.getByTestId("objection").filter({ hasText: s.scenario.code });
  await expect(thread).toContainText(objector!.org.name);
  await thread.getByLabel("异议不成立").check();
  await thread.getByLabel("处理理由（将公开）").fill("合同验收材料齐全，异议所称情况不存在。");
  await thread.getByRole("button", { name: "提交处理结果" }).click();
  await expect(a.getByText("处理结果已记录。")).toBeVisible();

  // The public page shows the outcome, never the objector.
  await pub.reload();
  await expect(pub.getByTestId("notice-objections")).toContainText("不成立");
  await expect(pub.locator("main")).not.toContainText(objector!.org.name);

  // The notice period ends: the deadline registry's job runs with the clock set past the end.
  process.env.DATABASE_URL = databaseUrl();
  // The definition the worker registers (the registry itself also loads the search modules, which
  // Playwright's loader cannot import); its handler is what the worker's job runs.
  const { noticeEndDeadline } = await import("../../app/modules/deadlines/notice-end.deadline.server");
  const runDeadlineJob = (definition: typeof noticeEndDeadline, payload: unknown, now: Date) => definition.handle(definition.payload.parse(payload), now);
  const { stopBoss } = await import("../../app/utils/jobs.server");
  const decision = await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.scenario.id }, select: { id: true, noticeEndsAt: true } });
  await runDeadlineJob(noticeEndDeadline, { decisionId: decision.id }, new Date(decision.noticeEndsAt!.getTime() - 60_000));
  await page.goto(`/department/scenarios/${s.scenario.id}/award`);
  await expect(page.getByText(/公示中，至/)).toBeVisible();
  await runDeadlineJob(noticeEndDeadline, { decisionId: decision.id }, new Date(decision.noticeEndsAt!.getTime() + 60_000));
  await stopBoss();

  await page.reload();
  await expect(page.getByText("公示期满，已定标。")).toBeVisible();
  await expect(page.locator(".badge-in_delivery")).toBeVisible();
  await pub.reload();
  await expect(pub.getByRole("heading", { name: "中选单位" })).toBeVisible();
  await expect(pub.getByText(/定标时间/)).toBeVisible();

  // The winner hears of it (the app's worker fans the event out).
  await expect.poll(async () => db.notification.count({ where: { userId: winner!.member.id, kind: "award.finalised" } }), { timeout: 30_000 }).toBe(1);
  // The vendor that was not selected reads its feedback on its own proposal page: its score on each
  // criterion against the average, and the evaluators' justifications without their names.
  await v.goto(`/vendor/proposals/${s.scenario.code}`);
  const feedback = v.getByRole("region", { name: "评审反馈" });
  await expect(feedback.getByRole("columnheader", { name: "全部申报平均" })).toBeVisible();
  await expect(feedback.getByRole("rowheader", { name: s.criteria[0]!.name })).toBeVisible();
  await expect(feedback.getByText(/^专家 1 · /).first()).toBeVisible();
  for (const e of s.evaluators) await expect(feedback).not.toContainText(e.user.name);
  await Promise.all([visitor.close(), vendor.close(), admin.close()]);
});
