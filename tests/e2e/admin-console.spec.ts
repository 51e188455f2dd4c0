import { test, expect } from "./fixtures";
import { createUser, testCreditCode, uniqueSuffix } from "../fixtures/users";

// The admin console in a browser, without JavaScript (every admin form is a plain form): the
// verification queue — search, the check digit shown, a rejection with its reason, a verification —
// and the audit log viewer's filters, whose events read as words and names.

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the verification queue: find an organisation, reject one with a reason, verify another", async ({ page, db, loginAs }) => {
    const tag = uniqueSuffix();
    const make = async (name: string, creditCode: string) => {
      const org = await db.organisation.create({ data: { name, type: "vendor", creditCode, verified: false }, select: { id: true } });
      return { ...org, member: await createUser(db, "vendor", { orgId: org.id }) };
    };
    const good = await make(`豫智科技 ${tag}`, testCreditCode("91"));
    const code = testCreditCode("91");
    const forged = await make(`伪码科技 ${tag}`, code.slice(0, 17) + (code[17] === "0" ? "1" : "0"));
    await loginAs("admin");

    await page.goto("/admin");
    await page.getByRole("link", { name: "机构认证队列" }).click();
    await page.getByLabel("名称或信用代码").fill(tag);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await expect(page.getByText("共 2 条")).toBeVisible();

    const forgedItem = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`伪码科技 ${tag}`) }) });
    await expect(forgedItem.getByText("校验位错误")).toBeVisible();
    await expect(forgedItem.getByRole("button", { name: `认证通过 伪码科技 ${tag}` })).toBeDisabled();
    await forgedItem.getByLabel(`驳回 伪码科技 ${tag} 的原因`).fill("统一社会信用代码校验位错误，请核对营业执照");
    await forgedItem.getByRole("button", { name: "驳回" }).click();
    await expect(page.getByText("已驳回，已将原因通知该机构。")).toBeVisible();
    await expect(page.getByText("共 1 条")).toBeVisible();

    await page.getByRole("button", { name: `认证通过 豫智科技 ${tag}` }).click();
    await expect(page.getByText("已通过认证，已通知该机构。")).toBeVisible();
    await expect(page.getByText("没有符合条件的记录。")).toBeVisible();

    await page.getByLabel("认证状态").selectOption({ label: "已驳回" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByText("统一社会信用代码校验位错误，请核对营业执照")).toBeVisible();

    expect(await db.organisation.findUniqueOrThrow({ where: { id: good.id }, select: { verified: true } })).toEqual({ verified: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: forged.id }, select: { verified: true, rejectionReason: true } }))
      .toEqual({ verified: false, rejectionReason: "统一社会信用代码校验位错误，请核对营业执照" });
  });

  test("the audit log viewer filters by record, actor, action and date, and reads as words", async ({ page, db, loginAs }) => {
    const tag = uniqueSuffix();
    const org = await db.organisation.create({ data: { name: `审计科技 ${tag}`, type: "vendor", creditCode: testCreditCode("91"), verified: false }, select: { id: true } });
    const admin = await loginAs("admin");
    const other = await createUser(db, "admin", { name: `另一位运营 ${tag}` });
    await db.auditEvent.createMany({
      data: [
        { actorId: admin.id, action: "organisation.reject", entityType: "organisation", entityId: org.id, orgId: org.id, data: { reason: `材料不全 ${tag}`, creditCodeValid: true }, at: new Date("2026-05-10T10:00:00+08:00") },
        { actorId: other.id, action: "organisation.verify", entityType: "organisation", entityId: org.id, orgId: org.id, data: { creditCodeValid: true }, at: new Date("2026-05-12T10:00:00+08:00") },
      ],
    });

    await page.goto("/admin/audit");
    await page.getByLabel("对象（编号、邮箱或 ID）").fill(org.id);
    await page.getByRole("button", { name: "筛选" }).click();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(page.getByRole("row", { name: /驳回机构认证/ })).toContainText(`机构: 审计科技 ${tag}`);
    await expect(page.getByRole("row", { name: /驳回机构认证/ })).toContainText(`材料不全 ${tag}`);
    await expect(page.getByRole("row", { name: /驳回机构认证/ })).not.toContainText("organisation.reject");

    await page.getByLabel("操作人（姓名或邮箱）").fill(`另一位运营 ${tag}`);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("row", { name: /机构认证通过/ })).toBeVisible();

    await page.getByLabel("操作人（姓名或邮箱）").fill("");
    await page.getByLabel("操作", { exact: true }).selectOption({ label: "驳回机构认证" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(rows).toHaveCount(2);
    await expect(page).toHaveURL(/action=organisation\.reject/);

    await page.getByLabel("操作", { exact: true }).selectOption({ label: "全部" });
    await page.getByLabel("起始日期").fill("2026-05-11");
    await page.getByLabel("截止日期").fill("2026-05-12");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("row", { name: /机构认证通过/ })).toBeVisible();

    const csv = await page.request.get(`/admin/audit.csv?record=${org.id}`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toContain("驳回机构认证,organisation.reject,机构");
    expect(text).toContain(`原因: 材料不全 ${tag}`);
  });
});

// With JavaScript the pages hydrate: a value the page renders that came from a `.server` module is
// undefined in the browser and the page falls into its error boundary after the server's 200.
test("every admin page hydrates without an error", async ({ page, loginAs }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await loginAs("admin");
  const pages: [string, string][] = [
    ["/admin", "平台运营"], ["/admin/organisations", "机构认证队列"], ["/admin/users", "用户与成员"], ["/admin/jobs", "后台任务"],
    ["/admin/audit", "审计日志"], ["/admin/evaluators", "评审专家库"], ["/admin/organisation-links", "单位关联关系"], ["/stats", "数据统计"],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1, name: title }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "出错了" }), path).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});
