import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { ACTIVE_ASSIGNMENT_STATUSES } from "./assignment-status";

/** The evaluator pool: users holding the evaluator role whose pool profile is active. */
export const poolMemberWhere = {
  memberships: { some: { role: "evaluator" } },
  evaluatorProfile: { is: { active: true } },
} satisfies Prisma.UserWhereInput;

/**
 * Each expert's current load: their invited or accepted assignments on scenarios still being
 * evaluated (closed or evaluating). Finished evaluations no longer take their time.
 */
export async function loadOf(userIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.evaluationAssignment.groupBy({
    by: ["evaluatorId"],
    where: {
      evaluatorId: { in: [...userIds] },
      status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] },
      scenario: { status: { in: ["closed", "evaluating"] } },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.evaluatorId, r._count._all]));
}
