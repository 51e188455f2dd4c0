/**
 * Keeps a value that changes rarely (the home page's counts) for a short time, per process: every
 * page view would otherwise ask the database again for the same numbers. Concurrent callers while
 * it loads share one load; a load that fails is not kept.
 */
export function briefCache<T>(ttlMs: number, load: () => Promise<T>, clock: () => number = () => Date.now()): { get(): Promise<T>; clear(): void } {
  let entry: { value: Promise<T>; until: number } | undefined;
  return {
    get() {
      const now = clock();
      if (entry && entry.until > now) return entry.value;
      const value = load();
      const mine = { value, until: now + ttlMs };
      entry = mine;
      value.catch(() => {
        if (entry === mine) entry = undefined;
      });
      return value;
    },
    clear() {
      entry = undefined;
    },
  };
}
