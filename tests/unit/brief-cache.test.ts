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
