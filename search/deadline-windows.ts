import type { DeadlineWindow } from "./search-params";

/**
 * Deadline windows by Beijing calendar day. The search page counts four windows ("closes within
 * 7 days", "within 30 days", "later", "passed"); counted as four filtered queries they cost as much
 * Meilisearch work as the page itself. Instead every document carries the Beijing day of its deadline
 * (`deadlineDay`, days since 1970-01-01 in UTC+8) and one facet on it gives every window's count.
 * For that the windows start and end at midnight in Beijing, the way a reader counts days:
 * "7d" is today and the next 7 days, "passed" is before today (a listing closing earlier today is
 * still in "7d"; once its deadline passes its status is "closed" anyway).
 */
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of a moment, as whole days since 1970-01-01. */
export function beijingDay(at: Date | number): number {
  return Math.floor((new Date(at).getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

function startOfBeijingDay(day: number): Date {
  return new Date(day * DAY_MS - BEIJING_OFFSET_MS);
}

// Each window as a range of days: from ≤ day < before.
function dayRange(window: DeadlineWindow, today: number): { from?: number; before?: number } {
  switch (window) {
    case "7d": return { from: today, before: today + 8 };
    case "30d": return { from: today, before: today + 31 };
    case "later": return { from: today + 31 };
    case "passed": return { before: today };
  }
}

/**
 * A window as deadline bounds: deadline ≥ from and deadline < before. "7d" and "30d" nest (a reader
 * asking for "within 30 days" wants the 7-day ones too).
 */
export function deadlineBounds(window: DeadlineWindow, now: Date): { from?: Date; before?: Date } {
  const { from, before } = dayRange(window, beijingDay(now));
  return { ...(from !== undefined ? { from: startOfBeijingDay(from) } : {}), ...(before !== undefined ? { before: startOfBeijingDay(before) } : {}) };
}

/** Each window's count from the counts per deadline day (a facet distribution on `deadlineDay`). */
export function windowCounts(perDay: Record<string, number>, windows: readonly DeadlineWindow[], now: Date): Record<DeadlineWindow, number> {
  const today = beijingDay(now);
  const counts = Object.fromEntries(windows.map((w) => [w, 0])) as Record<DeadlineWindow, number>;
  const ranges = windows.map((w) => {
    const { from, before } = dayRange(w, today);
    return { window: w, from: from ?? -Infinity, before: before ?? Infinity };
  });
  for (const key in perDay) {
    const day = Number(key);
    for (const { window, from, before } of ranges) if (day >= from && day < before) counts[window] += perDay[key]!;
  }
  return counts;
}
