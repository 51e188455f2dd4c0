// Prisma reports a unique-index conflict as P2002; with driver adapters the field names sit in
// `meta.driverAdapterError`, without them in `meta.target`, so the whole meta is searched.
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes(field);
}
