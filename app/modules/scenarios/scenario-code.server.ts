import type { Tx } from "~/utils/db.server";
import { shanghaiYear } from "./scenario-dates";

// Codes read like the ones on paper lists: ZZ (郑州) - year - sequence within the year, e.g. ZZ-2026-0042.
export const CODE_PREFIX = "ZZ";

export function formatScenarioCode(year: number, sequence: number): string {
  return `${CODE_PREFIX}-${year}-${String(sequence).padStart(4, "0")}`;
}

/**
 * The next free code for the year, inside the caller's transaction. A transaction-scoped advisory
 * lock per year serialises concurrent creations (READ COMMITTED sees the previous holder's row once
 * it has committed), so two officers saving at the same moment never get the same number; the
 * unique index on Scenario.code stays as the last line of defence.
 */
export async function nextScenarioCode(tx: Tx, now = new Date()): Promise<string> {
  const year = shanghaiYear(now);
  const prefix = `${CODE_PREFIX}-${year}-`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scenario-code:${prefix}`}))`;
  // The numeric maximum, not the text one: ZZ-2026-10000 must follow ZZ-2026-9999.
  const rows = await tx.$queryRaw<{ max: number }[]>`
    SELECT COALESCE(MAX(CAST(split_part(code, '-', 3) AS integer)), 0)::integer AS max
    FROM "Scenario"
    WHERE code LIKE ${`${prefix}%`} AND split_part(code, '-', 3) ~ '^[0-9]{1,9}$'`;
  return formatScenarioCode(year, Number(rows[0]?.max ?? 0) + 1);
}
