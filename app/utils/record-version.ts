import { z } from "zod";

/** PostgreSQL's `integer`, which holds every record's version. */
export const MAX_RECORD_VERSION = 2_147_483_647;

/**
 * The version a form carries of the record it was loaded from, so a stale save is refused (0 where
 * the first save creates the record). Bounded above as well: a tampered value past the column's range
 * is a bad request, not a query the database refuses with a 500.
 */
export function recordVersion(min: 0 | 1, params: z.RawCreateParams) {
  return z.number(params).int().min(min).max(MAX_RECORD_VERSION, "error.badRequest");
}
