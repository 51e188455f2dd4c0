import { describe, expect, it } from "vitest";
import { hasNoticeEnded, isWithinNotice, noticePeriod, shanghaiDay } from "../../app/modules/awards/notice-period";

// The notice period in Beijing calendar days: the day of publication does not count, the period
// ends at 24:00 of its last day, whatever the server's time zone.
describe("notice period arithmetic (Asia/Shanghai)", () => {
  it("counts seven days from the day after publication and ends at 24:00 Beijing of the last", () => {
    const p = noticePeriod(new Date("2026-08-03T07:00:00Z"), 7); // 15:00 Beijing, 3 August
    expect(p.firstDay).toBe("2026-08-04");
    expect(p.lastDay).toBe("2026-08-10");
    expect(p.startsAt.toISOString()).toBe("2026-08-03T16:00:00.000Z");
    expect(p.endsAt.toISOString()).toBe("2026-08-10T16:00:00.000Z");
  });

  it("uses the Beijing day, not the UTC day, for a publication late at night", () => {
    // 23:30 UTC on 2 August is 07:30 on 3 August in Beijing: same period as above.
    expect(noticePeriod(new Date("2026-08-02T23:30:00Z"), 7).endsAt.toISOString()).toBe("2026-08-10T16:00:00.000Z");
    // 23:59:59 Beijing on 3 August is still 3 August.
    expect(noticePeriod(new Date("2026-08-03T15:59:59Z"), 7).firstDay).toBe("2026-08-04");
    // Midnight Beijing exactly is already 4 August: that day does not count.
    expect(noticePeriod(new Date("2026-08-03T16:00:00Z"), 7).firstDay).toBe("2026-08-05");
  });

  it("crosses months and years and honours the scenario's own number of days", () => {
    const p = noticePeriod(new Date("2026-12-28T02:00:00Z"), 5);
    expect([p.firstDay, p.lastDay]).toEqual(["2026-12-29", "2027-01-02"]);
    expect(noticePeriod(new Date("2028-02-25T02:00:00Z"), 4).lastDay).toBe("2028-02-29");
    expect(() => noticePeriod(new Date(), 0)).toThrow(RangeError);
  });

  it("accepts objections from publication until the last instant before the end", () => {
    const published = new Date("2026-08-03T07:00:00Z");
    const { endsAt } = noticePeriod(published, 7);
    const period = { noticeStartsAt: published, noticeEndsAt: endsAt };
    expect(isWithinNotice(period, published)).toBe(true);
    expect(isWithinNotice(period, new Date(endsAt.getTime() - 1))).toBe(true);
    expect(isWithinNotice(period, endsAt)).toBe(false);
    expect(isWithinNotice(period, new Date(published.getTime() - 1))).toBe(false);
    expect(hasNoticeEnded(period, new Date(endsAt.getTime() - 1))).toBe(false);
    expect(hasNoticeEnded(period, endsAt)).toBe(true);
    expect(shanghaiDay(new Date(endsAt.getTime() - 1))).toBe("2026-08-10");
  });
});
