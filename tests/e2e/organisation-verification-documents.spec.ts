import fs from "node:fs";
import { seriousAxeViolations } from "./axe-scan";
import { test, expect } from "./fixtures";
import { SAMPLES } from "../fixtures/file-samples";
import { createSessionToken, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";

// 认证材料 end to end: an organisation's member uploads its business licence in the browser (a Word
// file is refused with the reason first), an admin finds it in the verification queue, opens the
// file and verifies the organisation; the member then sees the documents kept read-only.

test("a member uploads the business licence, the admin opens it in the queue and verifies the organisation", async ({ page, context, db, loginAs, baseURL }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const tag = uniqueSuffix();
  const orgName = `豫材科技 ${tag}`;
  const org = await db.organisation.create({ data: { name: orgName, type: "vendor", creditCode: testCreditCode("91"), verified: false }, select: { id: true } });
  const member = await loginAs("vendor", { orgId: org.id });

  await page.goto("/vendor");
  await page.getByRole("link", { name: "编辑能力画像" }).click();
  await expect(page.getByText("待认证")).toBeVisible();
  await page.getByRole("link", { name: "认证材料（0 份）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "机构认证" })).toBeVisible();
  await expect(page.getByText("尚未上传认证材料。")).toBeVisible();
  await page.waitForLoadState("networkidle");

  // The kind starts at what a company usually hands in; a Word file comes back with the reason.
  await expect(page.getByLabel("材料类型")).toHaveValue("business_licence");
  await page.getByLabel("选择文件").setInputFiles({ name: "营业执照.docx", mimeType: "application/octet-stream", buffer: Buffer.from(SAMPLES.docx) });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText("认证材料只接受 PDF 或图片（PNG、JPEG）")).toBeVisible();

  await page.getByLabel("选择文件").setInputFiles({ name: "营业执照（副本）.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "认证材料已上传。" })).toBeVisible();
  const table = page.getByRole("group", { name: "已上传的材料" });
  await expect(table.getByRole("row", { name: /营业执照 营业执照（副本）\.pdf/ })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The admin: the queue shows the document; it opens as the very file uploaded.
  await context.clearCookies();
  await loginAs("admin");
  await page.goto(`/admin/organisations?q=${encodeURIComponent(tag)}`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(orgName) }) });
  await expect(item.getByText("未上传认证材料")).toHaveCount(0);
  const files = item.getByRole("list", { name: "认证材料" });
  await expect(files.getByText(`营业执照 · ${SAMPLES.pdf.length} B ·`)).toBeVisible();
  const downloading = page.waitForEvent("download");
  await files.getByRole("link", { name: "营业执照（副本）.pdf" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("营业执照（副本）.pdf");
  expect(new Uint8Array(fs.readFileSync(await download.path()))).toEqual(SAMPLES.pdf);

  await item.getByRole("button", { name: `认证通过 ${orgName}` }).click();
  await expect(page.getByText("已通过认证，已通知该机构。")).toBeVisible();
  expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { verified: true } })).toEqual({ verified: true });

  // The member again: verified, the documents kept, nothing to upload or remove any more.
  await context.clearCookies();
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, member.id)), url: baseURL! }]);
  await page.goto("/vendor/profile/verification");
  await expect(page.getByText("已通过认证。认证材料已归档，不能再修改")).toBeVisible();
  await expect(page.getByRole("link", { name: "营业执照（副本）.pdf" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "上传认证材料" })).toHaveCount(0);
  await expect(page.getByText("删除", { exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a rejected institute uploads its certificate, removes a wrong file and asks again", async ({ page, db, loginAs }) => {
    const tag = uniqueSuffix();
    const org = await db.organisation.create({
      data: { name: `豫研院 ${tag}`, type: "institute", creditCode: testCreditCode("12"), verified: false, rejectedAt: new Date(), rejectionReason: "请上传事业单位法人证书" },
      select: { id: true },
    });
    await loginAs("vendor", { orgId: org.id });
    await page.goto("/vendor/profile/verification");
    await expect(page.getByText("未通过认证。原因：请上传事业单位法人证书")).toBeVisible();
    await expect(page.getByRole("button", { name: "重新提交认证" })).toBeDisabled();

    await expect(page.getByLabel("材料类型")).toHaveValue("institution_certificate");
    await page.getByLabel("选择文件").setInputFiles({ name: "证书照片.png", mimeType: "image/png", buffer: Buffer.from(SAMPLES.png) });
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByText("认证材料已上传。")).toBeVisible();
    await page.getByLabel("材料类型").selectOption({ label: "其他材料" });
    await page.getByLabel("选择文件").setInputFiles({ name: "错传的文件.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByRole("link", { name: "错传的文件.pdf" })).toBeVisible();

    // Removal asks first (a <details>, no script needed), then the file is gone.
    const row = page.getByRole("row", { name: /错传的文件\.pdf/ });
    await row.getByText("删除", { exact: true }).click();
    await row.getByRole("button", { name: "删除 错传的文件.pdf" }).click();
    await expect(page.getByText("认证材料已删除。")).toBeVisible();
    await expect(page.getByRole("link", { name: "错传的文件.pdf" })).toHaveCount(0);

    await page.getByRole("button", { name: "重新提交认证" }).click();
    await expect(page.getByText("已重新提交认证，请等待平台运营审核。")).toBeVisible();
    await expect(page.getByText("审核中：平台运营将核对统一社会信用代码与下列材料。")).toBeVisible();
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { rejectedAt: true } })).toEqual({ rejectedAt: null });
    expect(await db.verificationDocument.findMany({ where: { orgId: org.id }, select: { kind: true } })).toEqual([{ kind: "institution_certificate" }]);
  });
});
