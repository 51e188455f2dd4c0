import { readConsortium } from "~/modules/proposals/lines";
import { db } from "~/utils/db.server";

/**
 * Blind review removes identity where the data is selected (evaluator-proposal.server.ts never
 * selects the organisation, its members, consortium names or file names). A vendor may still have
 * written its own name into the free text ("我公司……"), so the texts an evaluator reads are masked
 * as well: every known name of the proposing side is replaced. The names are read here only to be
 * removed; they never leave this module.
 */
export const MASK = "■■■";

// Shorter than two characters would mask ordinary words (a one-letter short name, say).
const MIN_TERM = 2;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type Redactor = (text: string) => string;

export function redactorFor(terms: readonly (string | null | undefined)[]): Redactor {
  const unique = [...new Set(terms.map((t) => t?.trim() ?? "").filter((t) => [...t].length >= MIN_TERM))];
  if (unique.length === 0) return (text) => text;
  // Longest first, so "中原智算科技有限公司" is masked whole before "中原智算" is looked for.
  unique.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(unique.map(escape).join("|"), "giu");
  return (text) => text.replace(pattern, MASK);
}

/** The names that identify the proposing side of one proposal: organisation, its members, its consortium, its submitters. */
export async function identityRedactor(proposalId: string): Promise<Redactor> {
  const row = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      consortiumMembers: true,
      org: { select: { name: true, nameEn: true, shortName: true, contactName: true, memberships: { select: { user: { select: { name: true } } } } } },
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      submissions: { select: { content: true, submittedBy: { select: { name: true } } } },
    },
  });
  if (!row) return (text) => text;
  const consortium = [row.consortiumMembers, ...row.submissions.map((s) => (s.content as { consortiumMembers?: unknown } | null)?.consortiumMembers)]
    .flatMap((value) => readConsortium(value).map((m) => m.name));
  return redactorFor([
    row.org.name, row.org.nameEn, row.org.shortName, row.org.contactName,
    ...row.org.memberships.map((m) => m.user.name),
    row.createdBy.name, row.updatedBy?.name,
    ...row.submissions.map((s) => s.submittedBy.name),
    ...consortium,
  ]);
}
