import { test, expect } from "./fixtures";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";
import { createScenario } from "../fixtures/scenarios";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { fillScenarioDraft } from "./scenario-draft-form";

// Every core form is a plain HTML form first: these run with JavaScript switched off.
test.use({ javaScriptEnabled: false });

test("sign-up errors come back from the server with everything typed kept", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("单位名称").fill("郑州云图智能科技有限公司");
  await page.getByLabel("统一社会信用代码").fill("91410100MA44ABCDE0");
  await page.getByLabel("电子邮箱").fill("not-an-email");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("统一社会信用代码无效")).toBeVisible();
  await expect(page.getByText("请输入有效的电子邮箱地址")).toBeVisible();
  await expect(page.getByLabel("单位名称")).toHaveValue("郑州云图智能科技有限公司");
  await expect(page.getByLabel("电子邮箱")).toHaveValue("not-an-email");
});

test("login, language switch and an officer's draft all work without JavaScript", async ({ page, db }) => {
  const password = "No-script-2026";
  const officer = await createUser(db, "officer", { passwordHash: await hashPassword(password) });
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(officer.email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/department/);

  const title = `智慧停车泊位识别 ${uniqueSuffix()}`;
  await page.goto("/department/scenarios/new");
  await page.getByLabel("场景名称").fill(title);
  await fillScenarioDraft(page, {
    summary: "路内泊位视频识别与诱导。", description: "城市中心区路内停车泊位识别。", sector: "transport", district: "jinshui",
    needType: "demo_application", contact: { name: "刘晓光", phone: "0371-67172316", email: "jtj.ai@zz.example.cn" }, deadline: "2030-06-30T17:00",
  });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toContainText("草稿已保存");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a vendor's question refused without JavaScript comes back with its text, then goes through", async ({ page, db, loginAs }) => {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "published" });
  await loginAs("vendor");
  await page.goto(`/scenarios/${scenario.code}`);
  await page.getByLabel("问题内容").fill("数据");
  await page.getByRole("button", { name: "提交问题" }).click();
  await expect(page.getByText("问题至少需要 5 个字。")).toBeVisible();
  await expect(page.getByLabel("问题内容")).toHaveValue("数据");
  await page.getByLabel("问题内容").fill("开放的水文数据包含哪些年份的记录？");
  await page.getByRole("button", { name: "提交问题" }).click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${scenario.code}$`));
  await expect(page.getByRole("status")).toContainText("问题已提交");
});
