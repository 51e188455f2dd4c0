// When a provider answer means "try again later" and when it means "never": the one policy for
// single mails and digest batches alike. Pure, so the unit tests pin every branch.

/** Attempts in all, the first one included; after that a mail is dead-lettered. */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 5_000;
const MAX_BACKOFF_MS = 15 * 60_000;
/** A provider asking for more than this is not waited for longer (it would hold a digest for days). */
const MAX_RETRY_AFTER_MS = 6 * 3_600_000;

export type ProviderError = { statusCode: number | null; name?: string | null; message?: string | null };

/**
 * "retry": 429 (rate or quota), 5xx, no answer at all (network, timeout), and Resend's 409 for a
 * request with the same key still in flight. "dead": every other 4xx — a bad address, a rejected
 * payload, a wrong API key — which no retry can fix; an admin retries by hand once it is fixed.
 */
export function classifyProviderError(error: ProviderError): "retry" | "dead" {
  const status = error.statusCode;
  if (status == null) return "retry";
  if (status === 429 || status >= 500) return "retry";
  if (status === 409 && error.name === "concurrent_idempotent_requests") return "retry";
  return "dead";
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Delay before attempt `failedAttempts + 1`: exponential (5 s, 10 s, 20 s … up to 15 min) with
 * "equal jitter" — half fixed, half random — so a burst of mails that failed together does not come
 * back together; never earlier than the provider's Retry-After.
 */
export function retryDelayMs(failedAttempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  const floor = retryAfterMs == null ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return Math.round(Math.max(jittered, floor));
}

/** The provider's message as stored on the mail (status, code, text), short enough for a table cell. */
export function describeProviderError(error: ProviderError | null): string {
  if (!error) return "empty response from Resend";
  const status = error.statusCode ?? "network";
  return `${status} ${error.name ?? "error"}: ${error.message ?? ""}`.slice(0, 500);
}
