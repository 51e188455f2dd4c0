import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";

// Fixed-window counter in Postgres so every web server sees the same count.
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; count: number }> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count <= limit, count };
}

export async function enforceRateLimits(checks: { key: string; limit: number; windowSeconds: number }[]): Promise<void> {
  for (const check of checks) {
    const { allowed } = await hitRateLimit(check.key, check.limit, check.windowSeconds);
    if (!allowed) throw new AppError("error.tooMany", 429, { key: check.key });
  }
}

// The one client address helper (TRUST_PROXY decides whether X-Forwarded-For is believed).
export { clientIp } from "~/utils/client-ip.server";
