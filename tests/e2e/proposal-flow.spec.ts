import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

async function publishedScenario(db: Parameters<typeof createScenario>[0]) {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  return createScenario(db, { departmentId: department.id, createdById: officer.id, title: `揭榜测试场景 ${uniqueSuffix()}` });
}

test("a vendor drafts, submits, sees the receipt, withdraws and resubmits", async ({ page, db, loginAs }) => {
  const scenario = await publishedScenario(db);
  const vendor = await loginAs("vendor");

  await page.goto(`/scenarios/${scenario.code}`);
  await page.getByRole("link", { name: "开始申报" }).click();
  await expect(page).toHaveURL(new RegExp(`/vendor/proposals/${scenario.code}$`));
  // 缺项清单在填写前就列出。 The checklist lists what is missing before anything is typed.
  await expect(page.getByText("至少填写一个里程碑")).toBeVisible();

  await page.getByLabel("技术方案").fill("## 技术路线\n\n基于大模型的防汛知识问答。");
  await page.getByLabel("团队").fill("张伟（项目负责人）、李娜（算法）");
  await page.getByLabel("申请经费（万元）").fill("150");
  // 里程碑逐行填写；缺一格时错误标在那一格，输入不丢。 Milestones are rows; a missing cell is named on the cell and nothing typed is lost.
  await page.getByLabel("第 1 行 名称", { exact: true }).fill("原型上线");
  await page.getByLabel("第 1 行 截止日期").fill("2026-06-30");
  await page.getByLabel("第 1 行 交付物").fill("原型系统");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("请填写验收证据")).toBeVisible();
  await expect(page.getByLabel("团队")).toHaveValue("张伟（项目负责人）、李娜（算法）");
  await expect(page.getByLabel("第 1 行 交付物")).toHaveValue("原型系统");
  await page.getByLabel("第 1 行 验收证据").fill("演示视频");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await expect(page.getByText("已满足递交条件。")).toBeVisible();

  await page.getByRole("button", { name: "递交申报" }).click();
  await expect(page.getByRole("status").filter({ hasText: "申报已递交" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "申报回执" })).toBeVisible();
  const digest = (await page.getByTestId("receipt-digest").textContent())!.trim();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("receipt-number")).toHaveText("1");
  const stored = await db.proposalSubmission.findFirstOrThrow({ where: { proposal: { scenarioId: scenario.id, orgId: vendor.orgId } } });
  expect(stored.digest).toBe(digest);
  // The worker mails the receipt from the submission's event, a moment after it commits.
  await expect.poll(() => db.mail.count({ where: { template: "proposal-receipt", to: vendor.email, idempotencyKey: { contains: stored.id } } }), { timeout: 20_000 }).toBe(1);

  // Withdrawing asks first; only the button inside the confirmation acts.
  await page.getByText("撤回申报", { exact: true }).click();
  await expect(page.getByText("撤回后，这份申报不再计入评审")).toBeVisible();
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("status").filter({ hasText: "申报已撤回" })).toBeVisible();
  await page.getByLabel("团队").fill("张伟（项目负责人）、李娜（算法）、王强（工程）");
  await page.getByRole("button", { name: "重新递交" }).click();
  await expect(page.getByRole("status").filter({ hasText: "申报已递交" })).toBeVisible();
  await expect(page.getByTestId("receipt-number")).toHaveText("2");
  await expect(page.getByTestId("receipt-digest")).not.toHaveText(digest);

  await page.goto("/vendor/proposals");
  await expect(page.getByRole("link", { name: scenario.title })).toBeVisible();
  await expect(page.getByText("已递交")).toBeVisible();
});

test("a directed (定向委托) scenario refuses an uninvited vendor and says why", async ({ page, db, loginAs }) => {
  const scenario = await publishedScenario(db);
  const invited = await createOrganisation(db, "vendor");
  await db.scenario.update({ where: { id: scenario.id }, data: { mechanism: "directed", invitations: { create: { orgId: invited.id } } } });

  await loginAs("vendor");
  await page.goto(`/scenarios/${scenario.code}`);
  await expect(page.getByText("本场景为定向委托，仅受邀单位可以申报。")).toBeVisible();
  const response = await page.goto(`/vendor/proposals/${scenario.code}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("贵单位不在受邀名单中")).toBeVisible();
  const refused = await page.request.post(`/vendor/proposals/${scenario.code}`, {
    form: { intent: "submit", version: "0", technicalApproach: "x" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(await db.proposal.count({ where: { scenarioId: scenario.id } })).toBe(0);
});

test("an invited vendor may open a directed scenario's proposal", async ({ page, db, loginAs }) => {
  const scenario = await publishedScenario(db);
  const invited = await createOrganisation(db, "vendor");
  await db.scenario.update({ where: { id: scenario.id }, data: { mechanism: "directed", invitations: { create: { orgId: invited.id } } } });
  await loginAs("vendor", { orgId: invited.id });
  const response = await page.goto(`/vendor/proposals/${scenario.code}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("技术方案")).toBeVisible();
});

test("with JavaScript the draft autosaves and says when", async ({ page, db, loginAs }) => {
  const scenario = await publishedScenario(db);
  const vendor = await loginAs("vendor");
  await page.goto(`/vendor/proposals/${scenario.code}`);
  // 自动保存需要页面完成水合（脚本加载完毕）。 Autosave needs the page hydrated (scripts loaded).
  await page.waitForLoadState("networkidle");
  await page.getByLabel("团队").fill("自动保存的团队说明");
  await expect(page.getByText(/已自动保存 \d\d:\d\d/)).toBeVisible();
  const row = await db.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: { scenarioId: scenario.id, orgId: vendor.orgId } } });
  expect(row.team).toBe("自动保存的团队说明");
  // 自动保存后显式保存仍然成功（版本号已跟上）。 An explicit save after an autosave still succeeds.
  await page.getByLabel("团队").fill("再次修改");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
});

test("autosave keeps working after a manual save, without reloading the page", async ({ page, db, loginAs }) => {
  const scenario = await publishedScenario(db);
  const vendor = await loginAs("vendor");
  await page.goto(`/vendor/proposals/${scenario.code}`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("团队").fill("手动保存的团队说明");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  const key = { scenarioId_orgId: { scenarioId: scenario.id, orgId: vendor.orgId } };
  const saved = await db.proposal.findUniqueOrThrow({ where: key });
  expect(saved.team).toBe("手动保存的团队说明");

  // 手动保存之后继续输入：停顿后仍自动保存（同一页面，不刷新）。 Typing on after the save still autosaves.
  await page.getByLabel("团队").fill("手动保存之后自动保存的团队说明");
  await expect(page.getByText(/已自动保存 \d\d:\d\d/)).toBeVisible();
  await expect.poll(async () => (await db.proposal.findUniqueOrThrow({ where: key })).team).toBe("手动保存之后自动保存的团队说明");
  // 再来一轮：自动保存之后仍能继续自动保存。 And again: one autosave does not stop the next.
  await page.getByLabel("团队").fill("第二次自动保存");
  await expect.poll(async () => (await db.proposal.findUniqueOrThrow({ where: key })).team).toBe("第二次自动保存");
});
