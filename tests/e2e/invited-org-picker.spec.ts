import { test, expect } from "./fixtures";
import { createOrganisation, uniqueSuffix } from "../fixtures/users";
import { deadlineInDays, fillScenarioDraft } from "./scenario-draft-form";

// 定向委托：科长在上万家单位中按名称找到两家并邀请；查找之后已填的内容和已勾选的单位都还在。
// A directed call: the officer finds two organisations by name among many and invites both; what was
// typed and ticked stays through each search. With JavaScript Enter in the search box searches;
// without it the search button posts the form and the page comes back as it was, with the matches.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("an officer finds the organisations to invite by name and saves the directed call", async ({ page, db, loginAs }) => {
      test.setTimeout(90_000);
      const tag = uniqueSuffix();
      const first = await createOrganisation(db, "vendor", `寻榜智能 ${tag}`);
      const second = await createOrganisation(db, "institute", `寻榜研究院 ${tag}`);
      const department = await createOrganisation(db, "department", `郑州市水利局（测试 ${tag}）`);
      await loginAs("officer", { orgId: department.id });
      const title = `水库水位预测定向委托 ${tag}`;

      await page.goto("/department/scenarios/new");
      await page.getByLabel("场景名称").fill(title);
      await page.getByRole("radio", { name: "定向委托" }).check();
      const search = page.getByLabel("查找单位（名称或统一社会信用代码）");
      const find = async (q: string) => {
        await search.fill(q);
        if (javaScriptEnabled) await search.press("Enter");
        else await page.getByRole("button", { name: "查找", exact: true }).click();
        await expect(page.getByText(`找到 1 个与「${q}」相符的单位。`)).toBeVisible();
      };
      await find(`寻榜智能 ${tag}`);
      await expect(page.getByLabel("场景名称")).toHaveValue(title);
      await expect(page.getByRole("radio", { name: "定向委托" })).toBeChecked();
      await page.getByRole("checkbox", { name: first.name }).check();

      await find(`寻榜研究院 ${tag}`);
      await expect(page.getByRole("checkbox", { name: first.name })).toBeChecked();
      await page.getByRole("checkbox", { name: second.name }).check();

      await fillScenarioDraft(page, {
        summary: "邀请两家单位完成水库水位 72 小时滚动预测。", description: "## 背景\n\n汛期需要提前研判水库水位。",
        sector: "disaster_prevention", district: "zhengdong", needType: "tech_breakthrough", kpi: "72 小时水位预测误差 ≤ 0.2 米",
        contact: { name: "赵泽宇", phone: "0371-67170862", email: "slj.ai@zz.example.cn" }, deadline: deadlineInDays(30),
      });
      await page.getByLabel("合格分（定向委托，0–100）").fill("75");
      await page.getByRole("button", { name: "保存草稿" }).click();
      await expect(page.getByRole("status")).toContainText("草稿已保存");

      const saved = await db.scenario.findFirstOrThrow({ where: { title }, select: { mechanism: true, invitations: { select: { orgId: true } } } });
      expect(saved.mechanism).toBe("directed");
      expect(saved.invitations.map((i) => i.orgId).sort()).toEqual([first.id, second.id].sort());
    });
  });
}
