import type { CatalogEntry } from "../app/modules/scenarios/catalog";

/**
 * Budget bands, the facet behind "预算区间". The index stores the key (URL-safe, stable); the labels
 * are for display. A band is chosen by the listing's best known upper bound (budgetMax, else budgetMin);
 * each band includes its upper limit, so exactly 200万 falls in "50–200万" as a reader would expect.
 */
export const BUDGET_BANDS = [
  { key: "lt_50w", zh: "<50万", en: "< ¥0.5M", maxYuan: 499_999 },
  { key: "50w_200w", zh: "50–200万", en: "¥0.5–2M", maxYuan: 2_000_000 },
  { key: "200w_500w", zh: "200–500万", en: "¥2–5M", maxYuan: 5_000_000 },
  { key: "500w_1000w", zh: "500–1000万", en: "¥5–10M", maxYuan: 10_000_000 },
  { key: "gt_1000w", zh: ">1000万", en: "> ¥10M", maxYuan: Number.POSITIVE_INFINITY },
  { key: "negotiable", zh: "面议", en: "Negotiable", maxYuan: Number.NaN },
] as const satisfies readonly (CatalogEntry & { maxYuan: number })[];

export type BudgetBandKey = (typeof BUDGET_BANDS)[number]["key"];

export function budgetBand(yuan: number | null): BudgetBandKey {
  if (yuan == null || !Number.isFinite(yuan) || yuan <= 0) return "negotiable";
  for (const band of BUDGET_BANDS) if (yuan <= band.maxYuan) return band.key;
  return "gt_1000w";
}
