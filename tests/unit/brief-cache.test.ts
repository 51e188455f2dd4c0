import { describe, expect, it } from "vitest";
import { briefCache } from "~/utils/brief-cache.server";

describe("briefCache", () => {
  it("loads once while fresh, shares a load in flight, and reloads after the time is up", async () => {
    let now = 0;
    let loads = 0;
    const cache = briefCache(60_000, async () => ++loads, () => now);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual([1, 1, 1]);
    now = 59_999;
    expect(await cache.get()).toBe(1);
    now = 60_000;
    expect(await cache.get()).toBe(2);
    expect(loads).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = briefCache(60_000, async () => {
      if (fail) throw new Error("database down");
      return "counts";
    });
    await expect(cache.get()).rejects.toThrow("database down");
    fail = false;
    expect(await cache.get()).toBe("counts");
  });
});

describe("briefCache with staleMs", () => {
  it("serves the old value at once past its time while one reload runs, then the new one", async () => {
    let now = 0;
    let loads = 0;
    let release: (() => void) | undefined;
    const cache = briefCache(60_000, () => {
      loads += 1;
      const n = loads;
      if (n === 1) return Promise.resolve(n);
      return new Promise<number>((resolve) => { release = () => resolve(n); });
    }, () => now, { staleMs: 600_000 });
    expect(await cache.get()).toBe(1);
    now = 61_000;
    expect(await cache.get()).toBe(1); // stale: answered at once, reload started
    expect(await cache.get()).toBe(1); // still reloading: no second reload
    expect(loads).toBe(2);
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get()).toBe(2);
    now = 61_000 + 60_000 + 600_000 + 1; // past time and staleness: the reader waits for a load
    const waited = cache.get();
    expect(loads).toBe(3);
    release!();
    expect(await waited).toBe(3);
  });

  it("keeps serving the old value when a reload behind it fails", async () => {
    let now = 0;
    let fail = false;
    const cache = briefCache(1_000, async () => {
      if (fail) throw new Error("database down");
      return "figures";
    }, () => now, { staleMs: 10_000 });
    expect(await cache.get()).toBe("figures");
    fail = true;
    now = 2_000;
    expect(await cache.get()).toBe("figures");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get()).toBe("figures");
  });
});
