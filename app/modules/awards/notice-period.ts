// 公示期的计算（北京时间，按自然日）：发布当日不计入，自次日零时起算，至最后一日二十四时止
// （《民法典》第二百零一条、第二百零三条的计算方法）。
// The notice period in Beijing calendar days: the day of publication does not count; the period
// starts at 00:00 the next day and ends at 24:00 of its last day (the Civil Code's rule for periods
// counted in days, arts. 201 and 203). Asia/Shanghai has a fixed UTC+8 offset, no daylight saving.
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const DEFAULT_NOTICE_DAYS = 7;
export const MIN_NOTICE_DAYS = 3;
export const MAX_NOTICE_DAYS = 30;

export type NoticePeriod = {
  /** 00:00 Beijing of the first counted day. */
  startsAt: Date;
  /** 24:00 Beijing of the last counted day (= 00:00 of the day after): objections are accepted before it. */
  endsAt: Date;
  /** The first and last counted calendar days, "YYYY-MM-DD" in Beijing. */
  firstDay: string;
  lastDay: string;
};

/** The Beijing calendar day of an instant, "YYYY-MM-DD". */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

function shanghaiMidnightAfter(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - OFFSET_MS;
}

export function noticePeriod(publishedAt: Date, days: number): NoticePeriod {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`notice days must be a positive integer, got ${days}`);
  const startsAt = shanghaiMidnightAfter(publishedAt);
  const endsAt = startsAt + days * DAY_MS;
  return {
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    firstDay: shanghaiDay(new Date(startsAt)),
    lastDay: shanghaiDay(new Date(endsAt - 1)),
  };
}

/** Objections are accepted from publication until the period's end (24:00 of the last day). */
export function isWithinNotice(period: { noticeStartsAt: Date | null; noticeEndsAt: Date | null }, now: Date): boolean {
  if (!period.noticeStartsAt || !period.noticeEndsAt) return false;
  return now.getTime() >= period.noticeStartsAt.getTime() && now.getTime() < period.noticeEndsAt.getTime();
}

export function hasNoticeEnded(period: { noticeEndsAt: Date | null }, now: Date): boolean {
  return !!period.noticeEndsAt && now.getTime() >= period.noticeEndsAt.getTime();
}
