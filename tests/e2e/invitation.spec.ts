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

// 运营人员在数万家单位中按名称找到一家，填好的邮箱与姓名在查找后仍在，邀请发出后列在“待接受的邀请”中。
// The admin finds one organisation among many by name; what was typed before the search stays; the
// invitation is sent and listed as pending. Then the same without JavaScript (the search reloads the page).
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("the admin finds the organisation by name and invites a member into it", async ({ page, db, loginAs }) => {
      const tag = uniqueSuffix();
      const vendor = await createOrganisation(db, "vendor", `豫见智能 ${tag}`);
      const email = `invitee-${tag}@test.example.com`;
      await loginAs("admin");
      await page.goto("/admin/invitations");
      if (javaScriptEnabled) {
        await page.getByLabel("电子邮箱").fill(email);
        await page.getByLabel("姓名").fill("赵工程师");
      }
      await page.getByLabel("查找单位（名称或统一社会信用代码）").fill(`豫见智能 ${tag}`);
      await page.getByLabel("查找单位（名称或统一社会信用代码）").press("Enter");
      await expect(page.getByText(`找到 1 个与「豫见智能 ${tag}」相符的单位。`)).toBeVisible();
      await expect(page).toHaveURL(/[?&]org=/);
      const orgSelect = page.getByLabel("所属单位");
      await expect(orgSelect.locator("option")).toHaveCount(2); // "—" and the one found
      if (javaScriptEnabled) await expect(page.getByLabel("电子邮箱")).toHaveValue(email);
      else {
        await page.getByLabel("电子邮箱").fill(email);
        await page.getByLabel("姓名").fill("赵工程师");
      }
      await page.getByLabel("角色").selectOption({ label: "揭榜单位成员" });
      await orgSelect.selectOption({ label: `${vendor.name}（人工智能企业）` });
      await page.getByRole("button", { name: "发送邀请" }).click();
      await expect(page.getByRole("table", { name: "待接受的邀请" }).getByRole("row", { name: new RegExp(email) })).toContainText(vendor.name);
      const invitation = await db.invitation.findFirstOrThrow({ where: { email }, select: { orgId: true, role: true } });
      expect(invitation).toEqual({ orgId: vendor.id, role: "vendor_member" });
    });
  });
}
