import { isSearchUnavailable } from "../client.server";

/**
 * Runs a Meilisearch call for a recommendation section. Recommendations are an aid, never the
 * point of the page: whatever goes wrong (server down, index missing, a settings mismatch after an
 * upgrade), the page renders with a short notice instead of failing. Only the unexpected cases are
 * logged; "Meilisearch is down" is already reported by the health page.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (!isSearchUnavailable(error)) console.error("[matching] search failed:", error);
    return null;
  }
}
