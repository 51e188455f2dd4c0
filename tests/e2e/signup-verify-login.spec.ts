import { test, expect } from "./fixtures";
import { createSessionToken, createUser, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";

test("a vendor signs up, verifies the address from the outbox and logs in", async ({ page, browser, db, baseURL }) => {
  const suffix = uniqueSuffix();
  const email = `founder-${suffix}@vendor.example.com`;
  const password = "Correct-horse-42";

  await page.goto("/signup");
  await page.getByLabel("单位类型").selectOption("vendor");
  await page.getByLabel("单位名称").fill(`郑州星河智能科技有限公司 ${suffix}`);
  await page.getByLabel("统一社会信用代码").fill(testCreditCode("91"));
  await page.getByLabel("姓名").fill("王晓明");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByLabel("确认密码").fill(password);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByRole("status")).toContainText("验证链接");

  // The mail is delivered by the job worker into the local outbox, which only an admin may open.
  const admin = await createUser(db, "admin");
  const adminContext = await browser.newContext();
  await adminContext.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, admin.id)), url: baseURL! }]);
  const outbox = await adminContext.newPage();
  await expect(async () => {
    await outbox.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
    await expect(outbox.getByRole("link", { name: /验证/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await outbox.getByRole("link", { name: /验证/ }).first().click();
  const verifyLink = outbox.getByRole("list", { name: "Links in this mail" }).getByRole("link", { name: /verify-email/ });
  const href = await verifyLink.first().getAttribute("href");
  await adminContext.close();
  await page.goto(href!);
  await expect(page.getByRole("status")).toContainText("邮箱已验证");

  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/vendor/);
  await expect(page.getByRole("link", { name: "王晓明" })).toBeVisible();
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(`nobody-${uniqueSuffix()}@example.com`);
  await page.getByLabel("密码", { exact: true }).fill("whatever-123456");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
  await expect(page.getByLabel("电子邮箱")).toHaveValue(/nobody-/);
});
