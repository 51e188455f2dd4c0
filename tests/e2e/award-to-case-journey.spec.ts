import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { SAMPLE_PDF, pageAs } from "./signed-in-page";
import { evaluatedScenario } from "../fixtures/award";
import { day } from "../fixtures/delivery";
import { uniqueSuffix } from "../fixtures/users";

// 定标 → 公示 → 异议 → 答复 → 处理 → 公示期满定标 → 挂帅 → 验收 → 典型案例, one scenario from its
// evaluation to its published case, every step in the browser as the user who takes it: the
// department proposes the award and publishes the notice, the public reads it signed out, a losing
// vendor objects, the department answers, an admin dismisses; the notice ends (the real deadline
// job, run with an injected clock — the one step no user takes); the winning vendor delivers its
// proposal's milestone, the department returns it, the vendor resubmits, the department accepts it
// with the case text; the scenario is completed and the case is public, searchable and on the
// winner's profile.

function databaseUrl(): string {
  return (JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
}



test("award to case: notice, objection, notice end, delivery with a returned milestone, the case in search and on the profile", async ({ db, browser, baseURL }) => {
  test.setTimeout(240_000);
  const tag = uniqueSuffix();
  const title = `防汛知识库揭榜交付 ${tag}`;
  const s = await evaluatedScenario(db, {
    title,
    kpis: ["问答准确率 ≥ 90%", "平均响应 ≤ 3 秒"],
    milestones: [{ name: "知识库上线", dueDate: day(30) }],
  });
  const [winner, , , loser] = s.proposals;
  const officer = await pageAs(browser, baseURL!, db, s.officer.id);
  const pub = await pageAs(browser, baseURL!, db, null);
  const objector = await pageAs(browser, baseURL!, db, loser!.member.id);
  const admin = await pageAs(browser, baseURL!, db, s.admin.id);
  const vendor = await pageAs(browser, baseURL!, db, winner!.member.id);

  await test.step("the department proposes the award and publishes the notice", async () => {
    await officer.goto(`/department/scenarios/${s.scenario.id}`);
    await officer.getByRole("link", { name: "定标与公示" }).click();
    // The top-ranked proposal is ticked by default.
    await expect(officer.getByRole("checkbox", { name: winner!.org.name })).toBeChecked();
    await officer.getByRole("button", { name: "提交拟中选结果" }).click();
    await expect(officer.getByRole("heading", { name: "拟中选结果（待发布公示）" })).toBeVisible();
    await officer.getByRole("button", { name: "发布公示" }).click();
    await expect(officer.getByText(/公示中，至 .+ 24 时止/)).toBeVisible();
  });

  await test.step("the public, signed out, finds the notice and reads it", async () => {
    await pub.goto("/notices");
    await pub.getByRole("link", { name: title }).click();
    await expect(pub.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(pub.getByTestId("notice-winners")).toContainText(winner!.org.name);
    await expect(pub.getByText(/公示期：.+（共 7 个自然日/)).toBeVisible();
    await expect(pub.getByText("技术方案").first()).toBeVisible();
    await expect(pub.getByText("未收到异议。")).toBeVisible();
  });

  await test.step("a vendor that proposed objects, with evidence", async () => {
    await objector.goto(`/notices/${s.scenario.code}`);
    await objector.getByRole("link", { name: "提出异议" }).click();
    await objector.getByLabel("异议的事实和理由").fill("拟中选单位申报的业绩合同尚未验收，与申报材料所述不符，请核查。");
    await objector.getByLabel(/证据材料/).setInputFiles({ name: "合同验收情况.pdf", mimeType: "application/pdf", buffer: SAMPLE_PDF });
    await objector.getByRole("button", { name: "提交异议" }).click();
    await expect(objector.getByTestId("objection")).toContainText("待答复");
    await expect(objector.getByRole("link", { name: "合同验收情况.pdf" })).toBeVisible();
  });

  await test.step("the department answers without learning who objected", async () => {
    await officer.goto(`/department/scenarios/${s.scenario.id}/objections`);
    await expect(officer.getByTestId("objection")).toContainText("业绩合同尚未验收");
    await expect(officer.getByTestId("objection")).not.toContainText(loser!.org.name);
    await officer.getByLabel("书面答复").fill("经核查，相关合同已于上月完成验收，验收报告见平台附件。");
    await officer.getByRole("button", { name: "提交答复" }).click();
    await expect(officer.getByTestId("objection")).toContainText("已答复，待处理");
  });

  await test.step("an admin dismisses the objection with public reasons", async () => {
    await admin.goto("/admin/objections");
    const thread = admin.getByTestId("objection").filter({ hasText: s.scenario.code });
    await expect(thread).toContainText(loser!.org.name);
    await thread.getByLabel("异议不成立").check();
    await thread.getByLabel("处理理由（将公开）").fill("合同验收材料齐全，异议所称情况不存在。");
    await thread.getByRole("button", { name: "提交处理结果" }).click();
    await expect(admin.getByText("处理结果已记录。")).toBeVisible();
    // The public page shows the outcome, never the objector.
    await pub.reload();
    await expect(pub.getByTestId("notice-objections")).toContainText("不成立");
    await expect(pub.locator("main")).not.toContainText(loser!.org.name);
  });

  await test.step("the notice ends: the deadline job, with an injected clock, awards and starts delivery", async () => {
    process.env.DATABASE_URL = databaseUrl();
    // The definition the worker registers (the registry itself also loads the search modules, which
    // Playwright's loader cannot import); its handler is what the worker's job runs.
    const { noticeEndDeadline } = await import("../../app/modules/deadlines/notice-end.deadline.server");
    const runDeadlineJob = (payload: unknown, now: Date) => noticeEndDeadline.handle(noticeEndDeadline.payload.parse(payload), now);
    const { stopBoss } = await import("../../app/utils/jobs.server");
    const decision = await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.scenario.id }, select: { id: true, noticeEndsAt: true } });
    try {
      // A minute early it changes nothing.
      await runDeadlineJob({ decisionId: decision.id }, new Date(decision.noticeEndsAt!.getTime() - 60_000));
      await officer.goto(`/department/scenarios/${s.scenario.id}/award`);
      await expect(officer.getByText(/公示中，至/)).toBeVisible();
      await runDeadlineJob({ decisionId: decision.id }, new Date(decision.noticeEndsAt!.getTime() + 60_000));
    } finally {
      await stopBoss();
    }
    await officer.reload();
    await expect(officer.getByText("公示期满，已定标。")).toBeVisible();
    await expect(officer.locator(".badge-in_delivery")).toBeVisible();
    await pub.reload();
    await expect(pub.getByRole("heading", { name: "中选单位" })).toBeVisible();
    await expect(pub.getByText(/定标时间/)).toBeVisible();
  });

  await test.step("the winner is told; the vendor not selected sees its result", async () => {
    // The app's worker fans the events out; exactly one award notice per member of the winner.
    await expect.poll(async () => db.notification.count({ where: { userId: winner!.member.id, kind: "award.finalised" } }), { timeout: 30_000 }).toBe(1);
    await vendor.goto("/notifications");
    await expect(vendor.getByRole("link", { name: `贵单位中选：${title}` })).toBeVisible();
    await expect(async () => {
      await objector.goto("/notifications");
      await expect(objector.getByRole("link", { name: `评审结果：${title}` })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(objector.getByText("本次未中选，可查看各项得分与评审意见。")).toBeVisible();
    await objector.getByRole("link", { name: `评审结果：${title}` }).click();
    await expect(objector.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(objector.getByText("未入选")).toBeVisible();
    // Its feedback on its own proposal page: its score on each criterion against the average, and
    // the evaluators' justifications without their names.
    const feedback = objector.getByRole("region", { name: "评审反馈" });
    await expect(feedback.getByRole("columnheader", { name: "全部申报平均" })).toBeVisible();
    await expect(feedback.getByRole("rowheader", { name: s.criteria[0]!.name })).toBeVisible();
    await expect(feedback.getByText(/^专家 1 · /).first()).toBeVisible();
    for (const e of s.evaluators) await expect(feedback).not.toContainText(e.user.name);
  });

  await test.step("the winner's proposal milestone is the delivery plan; the vendor submits evidence", async () => {
    await officer.goto(`/department/scenarios/${s.scenario.id}`);
    await officer.getByRole("link", { name: "交付管理" }).click();
    await expect(officer.getByRole("heading", { name: /知识库上线/ })).toContainText("未开始");
    await expect(officer.getByText("知识库上线交付物")).toBeVisible();

    await vendor.goto("/vendor");
    await vendor.getByRole("link", { name: new RegExp(s.scenario.code) }).click();
    await vendor.getByLabel("成果说明").fill("知识库已上线，收录防汛预案 1,240 份，问答准确率 93%。");
    await vendor.getByLabel(/附件/).setInputFiles({ name: "测试报告.pdf", mimeType: "application/pdf", buffer: SAMPLE_PDF });
    await vendor.getByRole("button", { name: "提交成果" }).click();
    await expect(vendor.getByRole("status")).toContainText("成果已提交");
    await expect(vendor.getByRole("heading", { name: /知识库上线/ })).toContainText("待验收");
  });

  await test.step("the department returns it with reasons; the vendor resubmits", async () => {
    await officer.reload();
    await expect(officer.getByRole("link", { name: "测试报告.pdf" })).toBeVisible();
    await officer.getByLabel("退回理由").fill("测试报告缺少汛期高峰并发测试数据，请补充。");
    await officer.getByRole("button", { name: "退回修改" }).click();
    await expect(officer.getByRole("status")).toContainText("已退回");
    await expect(officer.getByRole("heading", { name: /知识库上线/ })).toContainText("已退回");

    await vendor.reload();
    await expect(vendor.getByText("测试报告缺少汛期高峰并发测试数据，请补充。")).toBeVisible();
    await vendor.getByLabel("成果说明").fill("补充了 500 并发的压力测试报告，峰值响应 2.1 秒。");
    await vendor.getByRole("button", { name: "重新提交成果" }).click();
    await expect(vendor.getByRole("status")).toContainText("成果已提交");
  });

  await test.step("the department accepts the last milestone with the case text: the scenario is completed", async () => {
    await officer.reload();
    await expect(officer.getByText("补充了 500 并发的压力测试报告")).toBeVisible();
    await officer.getByLabel("解决方案概述").fill("基于防汛预案与历史汛情构建知识库，大模型问答为值班人员实时提供处置建议。");
    await officer.getByLabel("成效：问答准确率 ≥ 90%").fill("第三方抽测准确率 93.4%");
    await officer.getByLabel("成效：平均响应 ≤ 3 秒").fill("平均 1.8 秒");
    await officer.getByRole("button", { name: "验收通过并完成项目" }).click();
    await expect(officer.getByRole("status")).toContainText("全部验收完成");
    await expect(officer.getByRole("heading", { name: /知识库上线/ })).toContainText("已验收");
    await expect(officer.locator(".badge-completed")).toBeVisible();
  });

  await test.step("the public: the case page, the case search, the vendor's profile", async () => {
    await pub.goto(`/cases/${s.scenario.code}`);
    await expect(pub.getByRole("heading", { name: title })).toBeVisible();
    await expect(pub.getByRole("cell", { name: "第三方抽测准确率 93.4%" })).toBeVisible();
    await expect(pub.getByRole("cell", { name: "平均 1.8 秒" })).toBeVisible();
    await expect(pub.getByRole("link", { name: winner!.org.name })).toBeVisible();
    // The index catches up through the worker's search sync, which waits for Meilisearch's task: 4 to
    // 18 s when measured on a busy two-core machine, hence the margin.
    await expect(async () => {
      await pub.goto(`/cases?q=${encodeURIComponent(tag)}`);
      await expect(pub.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await pub.getByRole("link", { name: title }).click();
    await expect(pub).toHaveURL(new RegExp(`/cases/${s.scenario.code}$`));
    await pub.goto(`/vendors/${winner!.org.id}`);
    await expect(pub.getByRole("region", { name: "在揭榜平台交付的案例" }).getByRole("link", { name: title })).toBeVisible();
  });

  await test.step("the scenario's public page shows its award notice and its delivery timeline", async () => {
    await pub.goto(`/scenarios/${s.scenario.code}`);
    const delivery = pub.getByRole("region", { name: "交付进展" });
    await expect(delivery.getByRole("heading", { name: /知识库上线/ })).toContainText("已验收");
    await expect(delivery.getByRole("link", { name: "查看典型案例" })).toBeVisible();
    // The public summary carries no evidence and no files.
    await expect(pub.getByRole("link", { name: "测试报告.pdf" })).toHaveCount(0);
    await expect(pub.getByText("补充了 500 并发的压力测试报告")).toHaveCount(0);
    await pub.getByRole("link", { name: "查看评审结果公示" }).click();
    await expect(pub.getByTestId("notice-winners")).toContainText(winner!.org.name);
    await expect(pub.getByTestId("notice-objections")).toContainText("不成立");
  });

  await Promise.all([officer, pub, objector, admin, vendor].map((p) => p.context().close()));
});
