import { afterEach, describe, expect, it, vi } from "vitest";
import { formatBudget, formatDate, formatDateTime, formatYuan } from "~/utils/format";

const at = new Date("2026-03-05T16:07:00Z");

describe("formatting helpers", () => {
  afterEach(() => vi.restoreAllMocks());

  it("print dates in Beijing time and budgets in 万元 / yuan, as before", () => {
    expect([formatDate(at, "zh-CN"), formatDateTime(at, "zh-CN"), formatDateTime("2026-12-31T23:59:00+08:00", "zh-CN")])
      .toEqual(["2026年3月6日", "2026/03/06 00:07", "2026/12/31 23:59"]);
    expect([formatDate(at, "en"), formatDateTime(at, "en")]).toEqual(["March 6, 2026", "03/06/2026, 00:07"]);
    expect([formatYuan(0, "zh-CN"), formatYuan(9999, "zh-CN"), formatYuan(12345, "zh-CN"), formatYuan(1234567, "zh-CN"), formatYuan(null, "zh-CN")])
      .toEqual(["0 元", "9,999 元", "1.23 万元", "123.46 万元", "面议"]);
    expect([formatYuan(1234567, "en"), formatYuan(null, "en")]).toEqual(["¥1,234,567", "Negotiable"]);
    expect(formatBudget(100000, 2500000, "zh-CN")).toBe("10 万元 – 250 万元");
    expect(formatBudget(null, 50000, "en")).toBe("¥50,000");
    expect(formatDate(null, "en")).toBe("—");
  });

  it("build no Intl formatter per call: a page of hits reuses the same ones", () => {
    // Warm every formatter once, then count constructions over many calls.
    for (const locale of ["zh-CN", "en"] as const) {
      formatDate(at, locale); formatDateTime(at, locale); formatYuan(5, locale); formatYuan(50_000, locale);
    }
    const dates = vi.spyOn(Intl, "DateTimeFormat");
    const numbers = vi.spyOn(Intl, "NumberFormat");
    for (let i = 0; i < 50; i++) {
      for (const locale of ["zh-CN", "en"] as const) {
        formatDate(at, locale); formatDateTime(at, locale); formatYuan(i, locale); formatYuan(i * 100_000, locale);
      }
    }
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });

  it("give the same text when a value comes again, in each locale, however many values were shown in between", () => {
    const fresh = (ms: number, locale: "zh-CN" | "en") => new Intl.DateTimeFormat(locale, {
      timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(ms);
    const first = at.getTime();
    const zh = formatDateTime(at, "zh-CN");
    expect(formatDateTime(at.toISOString(), "en")).toBe(fresh(first, "en"));
    // More distinct values than are kept: the first one is formatted again, not mixed up with another.
    for (let i = 1; i <= 12_000; i++) {
      const ms = first + i * 60_000;
      const text = formatDateTime(new Date(ms), i % 2 ? "zh-CN" : "en");
      if (i % 997 === 0) expect(text).toBe(fresh(ms, i % 2 ? "zh-CN" : "en"));
      formatYuan(i * 10_000, "zh-CN");
    }
    expect(formatDateTime(at, "zh-CN")).toBe(zh);
    expect(formatDateTime(at, "en")).toBe(fresh(first, "en"));
    expect([formatYuan(12345, "zh-CN"), formatYuan(12345, "en"), formatYuan(30_000, "zh-CN")]).toEqual(["1.23 万元", "¥12,345", "3 万元"]);
    expect(() => formatDateTime("not a date", "zh-CN")).toThrow(RangeError);
  });
});
