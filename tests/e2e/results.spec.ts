import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";

// /results signed out and with JavaScript switched off, in both languages: reached from the header,
// one awarded scenario with its winner, notice link and objection outcomes.
test.use({ javaScriptEnabled: false });

test("an awarded scenario is on /results with its winner, and links to its notice, in Chinese and English", async ({ page, db }) => {
  const department = await createOrganisation(db, "department");
  const owner = await createUser(db, "officer", { orgId: department.id });
  const winner = await createOrganisation(db, "vendor", `结果页中标单位 ${Date.now()}`);
  const s = await createScenario(db, { departmentId: department.id, createdById: owner.id, status: "awarded", deadlineInDays: -40 });
  const finalisedAt = new Date(Date.now() + 60_000); // newest, so on the first page
  await db.awardDecision.create({
    data: {
      scenarioId: s.id, round: 1, status: "final", winnerIds: ["p1"], noticeDays: 7, decidedById: owner.id,
      ranking: [{ proposalId: "p1", orgId: winner.id, orgName: winner.name, rank: 1, score: 90, winner: true }],
      noticeStartsAt: new Date(Date.now() - 10 * 86_400_000), noticeEndsAt: new Date(Date.now() - 86_400_000), finalisedAt,
    },
  });

  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "定标结果" }).first().click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByRole("heading", { level: 1, name: "定标结果" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: s.code });
  await expect(row).toContainText(winner.name);
  await expect(row).toContainText("异议：成立 0 件，驳回 0 件");
  await row.getByRole("link", { name: "公示" }).click();
  await expect(page).toHaveURL(new RegExp(`/notices/${s.code}$`));

  await page.goto("/results");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: s.code })).toContainText("Objections: 0 upheld, 0 dismissed");
});
