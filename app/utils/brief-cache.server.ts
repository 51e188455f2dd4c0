/**
 * Keeps a value that changes rarely (the home page's counts) for a short time, per process: every
 * page view would otherwise ask the database again for the same numbers. Concurrent callers while
 * it loads share one load; a load that fails is not kept.
 *
 * With `staleMs`, a value past its time but not past `ttlMs + staleMs` is still served, at once,
 * while one reload runs behind it (stale-while-revalidate): for a value that takes seconds to load,
 * so that no reader waits for it once it has been loaded.
 */
export function briefCache<T>(
  ttlMs: number, load: () => Promise<T>, clock: () => number = () => Date.now(), { staleMs = 0 }: { staleMs?: number } = {},
): { get(): Promise<T>; clear(): void } {
  let entry: { value: Promise<T>; until: number; loaded: boolean } | undefined;
  let reloading = false;
  const start = (now: number) => {
    const mine = { value: load(), until: now + ttlMs, loaded: false };
    entry = mine;
    mine.value.then(() => { mine.loaded = true; }, () => {
      if (entry === mine) entry = undefined;
    });
    return mine.value;
  };
  const reloadBehind = () => {
    if (reloading) return;
    reloading = true;
    const replacing = entry;
    const value = load();
    value.then((loaded) => {
      // A clear() meanwhile asked for a fresh load: this reload, begun before it, does not count.
      if (entry === replacing) entry = { value: Promise.resolve(loaded), until: clock() + ttlMs, loaded: true };
    }, () => undefined).finally(() => { reloading = false; });
  };
  return {
    get() {
      const now = clock();
      if (entry && entry.until > now) return entry.value;
      if (entry?.loaded && now < entry.until + staleMs) {
        reloadBehind();
        return entry.value;
      }
      return start(now);
    },
    clear() {
      entry = undefined;
    },
  };
}
