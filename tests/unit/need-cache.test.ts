import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedNeed, limitNeedCache, needCacheSize, rememberNeed } from "../../search/matching/need-cache.server";

const BUDGET = 1_000;
beforeAll(() => limitNeedCache(BUDGET));
afterAll(() => limitNeedCache());

// Listings' needs are kept once per version and within a bound on the words held.
const text = (i: number) => ({
  title: `智慧水利平台 ${i}`,
  summary: `面向水库调度的预测模型，覆盖雨量、水位、流量等 ${i} 项指标`,
  description: Array.from({ length: 40 }, (_, k) => `indicator${i}x${k} forecasting reservoir`).join(" "),
  kpis: [`预测准确率不低于 9${i % 10}%`],
});

describe("need cache", () => {
  it("answers only for the version it analysed", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const need = rememberNeed("listing-a", at, text(1));
    expect(cachedNeed("listing-a", at)).toBe(need);
    expect(cachedNeed("listing-a", new Date(at.getTime() + 1))).toBeUndefined();
    expect(cachedNeed("listing-b", at)).toBeUndefined();
  });

  it("stays within its word budget, dropping the least recently used listings first", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    rememberNeed("first", at, text(0));
    rememberNeed("kept", at, text(0));
    for (let i = 2; i < 60; i++) {
      cachedNeed("kept", at); // used again: stays
      rememberNeed(`listing-${i}`, at, text(i));
      expect(needCacheSize().words).toBeLessThanOrEqual(BUDGET);
    }
    expect(needCacheSize().listings).toBeLessThan(60);
    expect(cachedNeed("first", at)).toBeUndefined();
    expect(cachedNeed("kept", at)).toBeDefined();
  });
});
