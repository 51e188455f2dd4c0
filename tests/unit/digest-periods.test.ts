import { describe, expect, it } from "vitest";
import {
  DIGEST_CRON, MAX_LOOKBACK_MS, PERIOD_MS, latestPeriod, periodFromKey, windowEndOf, windowStartFor,
} from "../../app/modules/digests/digest-periods";

// Asia/Shanghai is UTC+8 all year: 08:30 there is 00:30 UTC.
describe("digest periods", () => {
  it("daily: due at 08:30 Beijing time; before that, yesterday's period", () => {
    expect(latestPeriod("daily", new Date("2026-05-04T00:30:00Z"))).toEqual({ cadence: "daily", key: "daily:2026-05-04", dueAt: new Date("2026-05-04T00:30:00Z") });
    expect(latestPeriod("daily", new Date("2026-05-04T00:29:59Z")).key).toBe("daily:2026-05-03");
    // 23:59 Beijing on the 4th is 15:59 UTC: still the 4th's period.
    expect(latestPeriod("daily", new Date("2026-05-04T15:59:00Z")).key).toBe("daily:2026-05-04");
    // 00:10 Beijing on the 5th is 16:10 UTC on the 4th: not yet the 5th's.
    expect(latestPeriod("daily", new Date("2026-05-04T16:10:00Z")).key).toBe("daily:2026-05-04");
  });

  it("weekly: due on Monday 08:30 Beijing time", () => {
    // 2026-05-04 is a Monday.
    expect(latestPeriod("weekly", new Date("2026-05-04T00:30:00Z")).key).toBe("weekly:2026-05-04");
    expect(latestPeriod("weekly", new Date("2026-05-04T00:29:00Z")).key).toBe("weekly:2026-04-27");
    expect(latestPeriod("weekly", new Date("2026-05-10T15:00:00Z")).key).toBe("weekly:2026-05-04");
    // Sunday 23:59 UTC is Monday 07:59 in Beijing: the week before.
    expect(latestPeriod("weekly", new Date("2026-05-10T23:59:00Z")).key).toBe("weekly:2026-05-04");
    expect(latestPeriod("weekly", new Date("2026-05-11T00:31:00Z")).key).toBe("weekly:2026-05-11");
    expect(DIGEST_CRON).toEqual({ daily: "30 8 * * *", weekly: "30 8 * * 1" });
  });

  it("reads keys back and refuses keys that name no period", () => {
    expect(periodFromKey("daily:2026-05-04")).toEqual(latestPeriod("daily", new Date("2026-05-04T01:00:00Z")));
    expect(periodFromKey("weekly:2026-05-04")?.dueAt).toEqual(new Date("2026-05-04T00:30:00Z"));
    expect(periodFromKey("weekly:2026-05-05")).toBeNull(); // a Tuesday
    expect(periodFromKey("daily:2026-02-30")).toBeNull();
    expect(periodFromKey("hourly:2026-05-04")).toBeNull();
    expect(periodFromKey("daily:2026-05-04; drop")).toBeNull();
  });

  it("windows chain from one digest to the next, one period back for a first digest, at most 30 days", () => {
    const period = latestPeriod("daily", new Date("2026-05-04T01:00:00Z"));
    const end = windowEndOf(period);
    expect(end).toEqual(new Date("2026-05-04T00:28:00Z"));
    expect(windowStartFor("daily", end, null)).toEqual(new Date(end.getTime() - PERIOD_MS.daily));
    expect(windowStartFor("weekly", end, null)).toEqual(new Date(end.getTime() - PERIOD_MS.weekly));
    const lastEnd = new Date("2026-05-01T00:28:00Z"); // three days ago: the missed runs are covered
    expect(windowStartFor("daily", end, lastEnd)).toEqual(lastEnd);
    expect(windowStartFor("daily", end, new Date("2025-01-01T00:00:00Z"))).toEqual(new Date(end.getTime() - MAX_LOOKBACK_MS));
  });
});
