import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, classifyProviderError, parseRetryAfter, retryDelayMs } from "../../app/modules/notifications/retry-policy";

describe("mail retry policy", () => {
  it("retries rate limits, server errors, lost answers and an in-flight twin; dead-letters other 4xx", () => {
    expect(classifyProviderError({ statusCode: 429, name: "rate_limit_exceeded" })).toBe("retry");
    expect(classifyProviderError({ statusCode: 500 })).toBe("retry");
    expect(classifyProviderError({ statusCode: 503 })).toBe("retry");
    expect(classifyProviderError({ statusCode: null, name: "application_error" })).toBe("retry");
    expect(classifyProviderError({ statusCode: 409, name: "concurrent_idempotent_requests" })).toBe("retry");
    expect(classifyProviderError({ statusCode: 409, name: "invalid_idempotent_request" })).toBe("dead");
    expect(classifyProviderError({ statusCode: 422, name: "validation_error" })).toBe("dead");
    expect(classifyProviderError({ statusCode: 403, name: "invalid_from_address" })).toBe("dead");
    expect(classifyProviderError({ statusCode: 401, name: "invalid_api_key" })).toBe("dead");
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-05-04T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 04 May 2026 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Sun, 03 May 2026 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it("backs off exponentially with equal jitter, capped, never before Retry-After", () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, high))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, low))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect(retryDelayMs(20, null, high)).toBe(15 * 60_000);
    // Retry-After wins when it is longer than the backoff, not when it is shorter.
    expect(retryDelayMs(1, 120_000, low)).toBe(120_000);
    expect(retryDelayMs(4, 1_000, low)).toBe(20_000);
    // Jitter spreads mails that failed together.
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, null)));
    expect(spread.size).toBeGreaterThan(10);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});
