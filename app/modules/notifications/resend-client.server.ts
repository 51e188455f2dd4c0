import { Resend } from "resend";

/**
 * The Resend client, or null for the local outbox. Read on every delivery, not through env(): env()
 * is parsed once per process, and tests (or an operator rotating the key) change these without a restart.
 */
export function resendClient(): Resend | null {
  const apiKey = process.env.RESEND_API_KEY?.trim();
  if (!apiKey) return null;
  const baseUrl = process.env.RESEND_BASE_URL?.trim() || undefined;
  return new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
}

// A hung provider must not hold the job until pg-boss expires it (QUEUE_POLICY); fail fast and retry.
export const SEND_TIMEOUT_MS = 30_000;

export function toHeaderRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
