// Deadlines are typed and read in Beijing time whatever the server's or browser's zone is.
// Asia/Shanghai has had a fixed UTC+8 offset with no daylight saving since 1991.
const OFFSET_MS = 8 * 3_600_000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The value a `datetime-local` input shows for this instant, in Beijing time ("2026-05-01T17:00"). */
export function toShanghaiInput(date: Date | string): string {
  return new Date(new Date(date).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** Reads a `datetime-local` value as Beijing time; null for malformed or impossible dates (e.g. 02-31). */
export function fromShanghaiInput(value: string): Date | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0) - OFFSET_MS;
  const date = new Date(utc);
  // Date.UTC silently rolls 02-31 over to 03-03; a round trip catches it.
  if (toShanghaiInput(date) !== value.trim().slice(0, 16)) return null;
  return date;
}

/** The calendar year in Beijing, used for scenario codes (a scenario created at 23:30 UTC on 31 Dec is next year's). */
export function shanghaiYear(date: Date): number {
  return new Date(date.getTime() + OFFSET_MS).getUTCFullYear();
}
