import { test, expect } from "./fixtures";
import { hashToken, randomToken } from "../../app/utils/crypto.server";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

// 邀请链接在脚本加载（水合）之后仍然可用：页面不能变成“出错了”。
// An invitation link keeps working once JavaScript has run: hydration must not turn it into an error page.
test("an invitation link hydrates without an error and is accepted with JavaScript", async ({ page, db }) => {
  const admin = await createUser(db, "admin");
  const department = await createOrganisation(db, "department");
  const token = randomToken();
  const email = `invitee-${uniqueSuffix()}@test.example.cn`;
  await db.invitation.create({
    data: { tokenHash: hashToken(token), email, name: "王科长", orgId: department.id, role: "officer", invitedById: admin.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto(`/invite/${token}`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "接受邀请" })).toBeVisible();
  await expect(page.getByText(`您被邀请以「发榜部门工作人员」身份加入 ${department.name}。`)).toBeVisible();
  await expect(page.getByText("出错了")).toHaveCount(0);
  expect(pageErrors).toEqual([]);

  await page.getByLabel("密码", { exact: true }).fill("Invitee-password-2026");
  await page.getByLabel("确认密码").fill("Invitee-password-2026");
  await page.getByRole("button", { name: "接受邀请并设置密码" }).click();
  await expect(page).toHaveURL(/\/department$/);
  const member = await db.user.findUniqueOrThrow({ where: { email }, select: { memberships: { select: { orgId: true, role: true } } } });
  expect(member.memberships).toEqual([{ orgId: department.id, role: "officer" }]);
});
