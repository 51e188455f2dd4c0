import type { RubricRow } from "~/modules/scenarios/rubric";
import { db, type Tx } from "~/utils/db.server";
import type { CriterionDef } from "./aggregate";

/**
 * At closing, the rubric is frozen into Criterion rows that scores point at: from then on the
 * scenario's rubric JSON may be read for display, but scoring and ranking use these rows only.
 * Idempotent (a second call for the same scenario adds nothing).
 */
export async function freezeRubric(tx: Tx, scenarioId: string, rubric: RubricRow[]): Promise<void> {
  await tx.criterion.createMany({
    data: rubric.map((row, position) => ({
      scenarioId, position, name: row.criterion, guidance: row.guidance, weight: row.weight, maxScore: row.maxScore,
    })),
    skipDuplicates: true,
  });
}

export const criterionSelect = { id: true, position: true, name: true, guidance: true, weight: true, maxScore: true } as const;

export async function listCriteria(scenarioId: string) {
  return db.criterion.findMany({ where: { scenarioId }, select: criterionSelect, orderBy: { position: "asc" } });
}

export function toCriterionDefs(rows: { id: string; position: number; weight: number; maxScore: number }[]): CriterionDef[] {
  return rows.map((r) => ({ id: r.id, position: r.position, weight: r.weight, maxScore: r.maxScore }));
}
