import { describe, expect, it } from "vitest";
import { deadlinePassed, isOnTime } from "../../app/modules/proposals/deadline";

describe("proposal deadline (server time)", () => {
  const deadline = new Date("2026-05-01T09:00:00.000Z"); // 17:00 北京时间

  it("accepts a submission at the deadline instant and before it", () => {
    expect(isOnTime(deadline, deadline)).toBe(true);
    expect(isOnTime(new Date(deadline.getTime() - 1), deadline)).toBe(true);
    expect(isOnTime(new Date(deadline.getTime() - 86_400_000), deadline)).toBe(true);
  });

  it("refuses one second late, and even one millisecond late", () => {
    expect(isOnTime(new Date(deadline.getTime() + 1000), deadline)).toBe(false);
    expect(isOnTime(new Date(deadline.getTime() + 1), deadline)).toBe(false);
  });

  it("deadlinePassed is the complement and accepts ISO strings", () => {
    expect(deadlinePassed(deadline.toISOString(), deadline)).toBe(false);
    expect(deadlinePassed(deadline.toISOString(), new Date(deadline.getTime() + 1000))).toBe(true);
  });
});
