import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { hitRateLimit } from "./rate-limit.server";

/**
 * Wrong-password throttling that cannot be turned against the account's owner.
 * - Failures are counted per account, per (account, client IP) and per IP; only failures count.
 * - A trusted browser (one that logged in to this account before) is limited only by its own
 *   failures, so a rival guessing from elsewhere never locks the owner out of their own browser.
 * - Untrusted clients are slowed after a few failures for the account and stopped after more;
 *   the way through is the mailed reset link, which also makes that browser trusted.
 * Counting by the typed address, registered or not, keeps the answer the same for both.
 */
const WINDOW_S = 15 * 60;
export const LIMITS = {
  untrustedPerAccount: 20,
  perAccountAndIp: 5,
  perIp: 50,
  perTrustedDevice: 10,
} as const;
const SLOW_AFTER = 3;
const MAX_DELAY_MS = 4000;

type Client = { email: string; ip: string; trustedDeviceId: string | null };

function keys({ email, ip, trustedDeviceId }: Client) {
  return trustedDeviceId
    ? [{ key: `login:device:${trustedDeviceId}`, limit: LIMITS.perTrustedDevice }]
    : [
        { key: `login:account:${email}`, limit: LIMITS.untrustedPerAccount },
        { key: `login:account-ip:${email}:${ip}`, limit: LIMITS.perAccountAndIp },
        { key: `login:ip:${ip}`, limit: LIMITS.perIp },
      ];
}

async function currentCounts(list: string[]): Promise<Map<string, number>> {
  const rows = await db.rateLimit.findMany({ where: { key: { in: list }, resetAt: { gt: new Date() } }, select: { key: true, count: true } });
  return new Map(rows.map((r) => [r.key, r.count]));
}

/** Refuses (429) before the password is even checked when this client has failed too often. */
export async function assertMayTryLogin(client: Client): Promise<void> {
  const list = keys(client);
  const counts = await currentCounts(list.map((k) => k.key));
  if (list.some((k) => (counts.get(k.key) ?? 0) >= k.limit)) {
    throw new AppError(client.trustedDeviceId ? "auth.tooManyTrusted" : "auth.tooManyUntrusted", 429);
  }
}

/** Counts a failure and returns how long to hold the answer back (grows with the account's streak). */
export async function recordLoginFailure(client: Client): Promise<number> {
  let streak = 0;
  for (const { key } of keys(client)) {
    const { count } = await hitRateLimit(key, Number.MAX_SAFE_INTEGER, WINDOW_S);
    if (key.startsWith("login:account:") || key.startsWith("login:device:")) streak = count;
  }
  return failureDelayMs(streak);
}

export function failureDelayMs(streak: number): number {
  if (streak <= SLOW_AFTER) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** (streak - SLOW_AFTER - 1));
}
