/** The verification documents an admin looked at, as one value for the verify form (shared with the browser). */
export function documentsFingerprint(ids: readonly string[]): string {
  return [...ids].sort().join(",");
}
