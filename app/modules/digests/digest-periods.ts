// 订阅摘要的周期：每日 08:30、每周一 08:30（北京时间）。
// Digest periods in Asia/Shanghai time (UTC+8 all year, no daylight saving): the daily digest is due
// at 08:30 every day, the weekly one at 08:30 on Monday. A period is named by the local date it is
// due on ("daily:2026-05-04", "weekly:2026-05-04" — a Monday); that name is half of the unique key
// (subscriber, period) that makes each digest happen exactly once.

export type DigestCadence = "daily" | "weekly";
export const DIGEST_CADENCES: readonly DigestCadence[] = ["daily", "weekly"];

export type DigestPeriod = { cadence: DigestCadence; key: string; dueAt: Date };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DUE_MS = (8 * 60 + 30) * 60_000;

/** pg-boss cron expressions, read in Asia/Shanghai (registerDeadlines passes the time zone). */
export const DIGEST_CRON: Record<DigestCadence, string> = { daily: "30 8 * * *", weekly: "30 8 * * 1" };

export const PERIOD_MS: Record<DigestCadence, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/**
 * A window closes this long before its digest is due: a publication still committing at 08:30 goes
 * into the next digest instead of being missed by this one, and the search index has caught up.
 */
export const SETTLE_MS = 2 * 60_000;

/** A subscriber back after a long pause gets at most this much history, not years of listings. */
export const MAX_LOOKBACK_MS = 30 * DAY_MS;

function localDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/** The latest period of this cadence that is due at or before `now`. */
export function latestPeriod(cadence: DigestCadence, now: Date): DigestPeriod {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  let due = midnight + DUE_MS;
  if (cadence === "weekly") due -= ((new Date(midnight).getUTCDay() + 6) % 7) * DAY_MS;
  if (local < due) due -= PERIOD_MS[cadence];
  return { cadence, key: `${cadence}:${localDate(due)}`, dueAt: new Date(due - SHANGHAI_OFFSET_MS) };
}

/** The period a key names, or null for a key that names none (wrong format, a weekly key on a Tuesday). */
export function periodFromKey(key: string): DigestPeriod | null {
  const match = /^(daily|weekly):(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!match) return null;
  const cadence = match[1] as DigestCadence;
  const midnight = Date.parse(`${match[2]}T00:00:00Z`);
  if (Number.isNaN(midnight) || localDate(midnight) !== match[2]) return null;
  if (cadence === "weekly" && new Date(midnight).getUTCDay() !== 1) return null;
  return { cadence, key, dueAt: new Date(midnight + DUE_MS - SHANGHAI_OFFSET_MS) };
}

/** Where a period's window ends: scenarios published or amended up to here belong to it. */
export function windowEndOf(period: DigestPeriod): Date {
  return new Date(period.dueAt.getTime() - SETTLE_MS);
}

/**
 * Where a subscriber's window starts: at the end of their last digest of this cadence, so nothing
 * falls between two digests (a missed run is covered by the next one); one period back for a first
 * digest; never more than MAX_LOOKBACK_MS back.
 */
export function windowStartFor(cadence: DigestCadence, windowEnd: Date, lastWindowEnd: Date | null): Date {
  const floor = windowEnd.getTime() - MAX_LOOKBACK_MS;
  const start = lastWindowEnd ? lastWindowEnd.getTime() : windowEnd.getTime() - PERIOD_MS[cadence];
  return new Date(Math.min(windowEnd.getTime(), Math.max(floor, start)));
}
