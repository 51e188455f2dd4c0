import type { Page } from "@playwright/test";

/** A deadline `days` from now, at 17:00 Beijing time, as the form's datetime-local input takes it. */
export function deadlineInDays(days: number): string {
  const beijing = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return `${beijing.toISOString().slice(0, 10)}T17:00`;
}

type Draft = {
  summary: string; description: string; sector: string; district: string; needType: string;
  contact: { name: string; phone: string; email: string }; deadline: string;
  budget?: { min: string; max: string }; kpi?: string;
};

/** The scenario form's required fields (and optionally a budget and a first KPI), as an officer types them. */
export async function fillScenarioDraft(page: Page, draft: Draft): Promise<void> {
  await page.getByLabel("场景简介").fill(draft.summary);
  await page.getByLabel("需求详情").fill(draft.description);
  await page.getByLabel("应用领域").selectOption(draft.sector);
  await page.getByLabel("所在区域").selectOption(draft.district);
  await page.getByLabel("需求类型").selectOption(draft.needType);
  if (draft.budget) {
    await page.getByLabel("预算下限（万元）").fill(draft.budget.min);
    await page.getByLabel("预算上限（万元）").fill(draft.budget.max);
  }
  if (draft.kpi) await page.getByLabel("第 1 行 技术指标").fill(draft.kpi);
  await page.getByLabel("联系人姓名").fill(draft.contact.name);
  await page.getByLabel("联系电话").fill(draft.contact.phone);
  await page.getByLabel("联系邮箱").fill(draft.contact.email);
  await page.getByLabel("申报截止时间").fill(draft.deadline);
}
