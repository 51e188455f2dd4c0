import { test, expect } from "./fixtures";
import { SAMPLE_PDF, pageAs } from "./signed-in-page";
import { awardedScenario, day } from "../fixtures/delivery";
import { uniqueSuffix } from "../fixtures/users";

// 挂帅 in the browser: the department starts delivery; the vendor submits evidence with a file; the
// department returns it with reasons; the vendor resubmits; the department accepts the last milestone
// with the case text; the scenario is completed and the case shows in the case search and on the
// vendor's public profile.



test("evidence → returned → resubmitted → accepted → completed, the case in search and on the profile", async ({ db, browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uniqueSuffix();
  const title = `防汛知识库交付验收 ${tag}`;
  const s = await awardedScenario(db, { title, milestones: [{ name: "知识库上线", dueDate: day(30) }] });
  const team = s.teams[0]!;
  const officer = await pageAs(browser, baseURL!, db, s.officer.id);
  const vendor = await pageAs(browser, baseURL!, db, team.member.id);

  await officer.goto(`/department/scenarios/${s.scenario.id}/delivery`);
  await officer.getByRole("button", { name: "开始交付" }).click();
  await expect(officer.getByRole("status")).toContainText("交付已开始");
  await expect(officer.getByRole("heading", { name: /知识库上线/ })).toBeVisible();

  await vendor.goto("/vendor");
  await vendor.getByRole("link", { name: new RegExp(s.scenario.code) }).click();
  await vendor.getByLabel("成果说明").fill("知识库已上线，收录防汛预案 1,240 份，问答准确率 93%。");
  await vendor.getByLabel(/附件/).setInputFiles({ name: "测试报告.pdf", mimeType: "application/pdf", buffer: SAMPLE_PDF });
  await vendor.getByRole("button", { name: "提交成果" }).click();
  await expect(vendor.getByRole("status")).toContainText("成果已提交");
  await expect(vendor.getByRole("heading", { name: /知识库上线/ })).toContainText("待验收");

  await officer.reload();
  await expect(officer.getByRole("link", { name: "测试报告.pdf" })).toBeVisible();
  await officer.getByLabel("退回理由").fill("测试报告缺少汛期高峰并发测试数据，请补充。");
  await officer.getByRole("button", { name: "退回修改" }).click();
  await expect(officer.getByRole("status")).toContainText("已退回");

  await vendor.reload();
  await expect(vendor.getByText("测试报告缺少汛期高峰并发测试数据，请补充。")).toBeVisible();
  await vendor.getByLabel("成果说明").fill("补充了 500 并发的压力测试报告，峰值响应 2.1 秒。");
  await vendor.getByRole("button", { name: "重新提交成果" }).click();
  await expect(vendor.getByRole("status")).toContainText("成果已提交");

  await officer.reload();
  await officer.getByLabel("解决方案概述").fill("基于防汛预案与历史汛情构建知识库，大模型问答为值班人员实时提供处置建议。");
  await officer.getByLabel("成效：问答准确率 ≥ 90%").fill("第三方抽测准确率 93.4%");
  await officer.getByLabel("成效：平均响应 ≤ 3 秒").fill("平均 1.8 秒");
  await officer.getByRole("button", { name: "验收通过并完成项目" }).click();
  await expect(officer.getByRole("status")).toContainText("全部验收完成");
  await expect(officer.getByRole("heading", { name: /知识库上线/ })).toContainText("已验收");

  // The public case page, the case search (the index catches up through the worker) and the profile.
  const anonymous = await browser.newPage({ baseURL });
  await anonymous.goto(`/cases/${s.scenario.code}`);
  await expect(anonymous.getByRole("heading", { name: title })).toBeVisible();
  await expect(anonymous.getByRole("cell", { name: "第三方抽测准确率 93.4%" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: team.org.name })).toBeVisible();
  await expect(async () => {
    await anonymous.goto(`/cases?q=${encodeURIComponent(tag)}`);
    await expect(anonymous.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await anonymous.goto(`/vendors/${team.org.id}`);
  await expect(anonymous.getByRole("region", { name: "在揭榜平台交付的案例" }).getByRole("link", { name: title })).toBeVisible();
  await anonymous.goto(`/scenarios/${s.scenario.code}`);
  await expect(anonymous.getByRole("heading", { name: "交付进展" })).toBeVisible();
  // The public summary carries no evidence and no files.
  await expect(anonymous.getByRole("link", { name: "测试报告.pdf" })).toHaveCount(0);
});

test("a horse race whose last gate is decided after every milestone is accepted is completed from the delivery page", async ({ db, browser, baseURL }) => {
  test.setTimeout(120_000);
  const tag = uniqueSuffix();
  const title = `多式联运调度赛马 ${tag}`;
  const s = await awardedScenario(db, { title, mechanism: "horse_race", teams: 2, milestones: [{ name: "原型验证", dueDate: day(20) }] });
  const [winner, loser] = s.teams;
  const officer = await pageAs(browser, baseURL!, db, s.officer.id);
  await officer.goto(`/department/scenarios/${s.scenario.id}/delivery`);
  await officer.getByRole("button", { name: "开始交付" }).click();
  await expect(officer.getByRole("status")).toContainText("交付已开始");
  // The gate's date has passed (written directly: the page only declares future gates), and both
  // teams have handed in their milestone (the vendor's side is the other test).
  await db.stageGate.create({ data: { scenarioId: s.scenario.id, position: 1, name: "算法验证", dueAt: new Date(Date.now() - 86_400_000), metrics: ["调度时延降低"], continuing: 1 } });
  await db.milestone.updateMany({ where: { scenarioId: s.scenario.id }, data: { status: "submitted", evidenceText: "原型试运行报告。", submissions: 1, submittedAt: new Date() } });

  // Both milestones accepted while the gate is open: no case text asked, nothing completes.
  for (let i = 0; i < 2; i += 1) {
    await officer.reload();
    await officer.getByRole("button", { name: "验收通过", exact: true }).first().click();
    await expect(officer.getByRole("status")).toContainText("里程碑已验收");
  }
  await expect(officer.getByRole("heading", { name: "完成项目并发布典型案例" })).toHaveCount(0);

  // The last gate decided: the page says so and offers the completion form.
  await officer.getByRole("group", { name: winner!.org.name }).getByLabel("晋级").check();
  await officer.getByRole("group", { name: winner!.org.name }).getByLabel("理由").fill("时延降低 23%，超过指标");
  await officer.getByRole("group", { name: loser!.org.name }).getByLabel("理由").fill("时延降低 9%，低于指标");
  await officer.getByRole("button", { name: "公布关口决定" }).click();
  await expect(officer.getByRole("status")).toContainText("请在本页填写典型案例");
  const form = officer.getByRole("form", { name: "完成项目并发布典型案例" });
  await form.getByLabel("解决方案概述").fill("多式联运智能调度原型，铁路与公路集装箱联运计划自动编排，调度时延降低 23%。");
  await form.getByLabel("成效：问答准确率 ≥ 90%").fill("准确率 93%");
  await form.getByLabel("成效：平均响应 ≤ 3 秒").fill("平均 2.1 秒");
  await form.getByRole("button", { name: "完成项目并发布案例" }).click();
  await expect(officer.getByRole("status")).toContainText("全部验收完成");
  await expect(officer.getByRole("link", { name: "查看典型案例" })).toBeVisible();

  // The public case names only the team still in the race.
  const anonymous = await browser.newPage({ baseURL });
  await anonymous.goto(`/cases/${s.scenario.code}`);
  await expect(anonymous.getByRole("heading", { name: title })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: winner!.org.name })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: loser!.org.name })).toHaveCount(0);
});
