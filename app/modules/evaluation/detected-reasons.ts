import { z } from "zod";
import type { ConflictReason } from "./conflicts";

// ConflictDeclaration.detected as written by declareConflict; rows that do not parse are skipped, so
// a page never fails on an old or hand-edited row.
const reason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("own_org"), orgId: z.string(), orgName: z.string() }),
  z.object({ kind: z.literal("consortium_member"), orgId: z.string(), orgName: z.string() }),
  z.object({
    kind: z.literal("linked_org"), orgId: z.string(), orgName: z.string(), viaOrgId: z.string(),
    link: z.enum(["parent", "subsidiary", "shareholder", "same_group"]),
  }),
]);

export function readDetected(value: unknown): ConflictReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const parsed = reason.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
