import type { Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { AffiliationInput } from "./pool-schema";

/** An affiliation as stored: linked to a platform organisation, or only a name. */
export type StoredAffiliation = { orgId: string | null; orgName: string; fromYear: number | null; toYear: number | null };

const CREDIT_CODE = /^[0-9A-Z]{18}$/;

/**
 * Turns what the person typed into stored rows. Conflict detection compares organisation ids, so
 * a row is linked to a platform organisation whenever the text names one without doubt:
 * - the organisation the row was already linked to, if the text is still its name or credit code;
 * - else the organisation with that credit code (统一社会信用代码);
 * - else the one organisation with exactly that name.
 * A name shared by several organisations is refused (the credit code tells them apart), so a row
 * is never linked to the wrong one; a name no organisation has is kept as a name only.
 * Throws AppError "ep.v.orgAmbiguous" (400) with the 0-based `rows` that need a credit code.
 */
export async function resolveAffiliations(tx: Tx, rows: AffiliationInput[]): Promise<StoredAffiliation[]> {
  const codes = rows.map((r) => r.org.toUpperCase()).filter((t) => CREDIT_CODE.test(t));
  const orgs = await tx.organisation.findMany({
    where: {
      OR: [
        { id: { in: rows.flatMap((r) => (r.orgId ? [r.orgId] : [])) } },
        { creditCode: { in: codes } },
        { name: { in: rows.map((r) => r.org) } },
      ],
    },
    select: { id: true, name: true, creditCode: true },
  });
  const ambiguous: number[] = [];
  const resolved = rows.map((row, index) => {
    const text = row.org;
    const code = text.toUpperCase();
    const previous = orgs.find((o) => o.id === row.orgId);
    const named = orgs.filter((o) => o.name === text);
    const org =
      (previous && (previous.name === text || previous.creditCode === code) ? previous : undefined) ??
      orgs.find((o) => o.creditCode !== null && o.creditCode === code) ??
      (named.length === 1 ? named[0] : undefined);
    if (!org && named.length > 1) ambiguous.push(index);
    return { orgId: org?.id ?? null, orgName: org?.name ?? text, fromYear: row.fromYear ?? null, toYear: row.toYear ?? null };
  });
  if (ambiguous.length > 0) throw new AppError("ep.v.orgAmbiguous", 400, { rows: ambiguous });
  return resolved;
}

/** Order-independent comparison of two sets of rows (the audit names "affiliations" only when they changed). */
export function sameAffiliations(a: StoredAffiliation[], b: StoredAffiliation[]): boolean {
  const key = (rows: StoredAffiliation[]) => rows.map((r) => JSON.stringify([r.orgId, r.orgName, r.fromYear, r.toYear])).sort().join("\n");
  return key(a) === key(b);
}
