import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";

/**
 * In blind review a proposal is "申报 A", "申报 B" …: letters by submission time (then id), over every
 * proposal of the scenario under review, so an evaluator, the department and a mail all call the same
 * proposal by the same letter, and the letter says nothing about who proposed. After closing the
 * submission times no longer change, so the letters are stable.
 */
export function labelLetter(index: number): string {
  let n = index;
  let letters = "";
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

export const labelOrder = [{ submittedAt: "asc" }, { id: "asc" }] satisfies Prisma.ProposalOrderByWithRelationInput[];

export function labelsInOrder(rows: readonly { id: string }[]): Map<string, string> {
  return new Map(rows.map((row, i) => [row.id, labelLetter(i)]));
}

/** proposal id → letter, for one scenario. */
export async function proposalLabels(scenarioId: string): Promise<Map<string, string>> {
  const rows = await db.proposal.findMany({
    where: { scenarioId, status: { in: [...READABLE_BY_EVALUATORS] } },
    select: { id: true },
    orderBy: labelOrder,
  });
  return labelsInOrder(rows);
}
