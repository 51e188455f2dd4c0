import { db } from "../../app/utils/db.server";
import { AppError } from "../../app/utils/errors.server";
import type { DismissedFacts } from "./score";

/**
 * "Not relevant" feedback. The row belongs to the organisation (every member sees the same
 * recommendations); who clicked is kept only for support questions.
 */

/** How many recent dismissals weigh on new recommendations: enough to learn an area, bounded cost. */
export const FEEDBACK_WINDOW = 50;

export async function markNotRelevant(input: { orgId: string; scenarioId: string; userId: string }): Promise<void> {
  const scenario = await db.scenario.findUnique({ where: { id: input.scenarioId }, select: { id: true, status: true } });
  // Drafts are private: to a vendor they do not exist.
  if (!scenario || scenario.status === "draft") throw new AppError("match.error.scenarioNotFound", 404);
  await db.recommendationFeedback.upsert({
    where: { orgId_scenarioId: { orgId: input.orgId, scenarioId: input.scenarioId } },
    // Marking twice is harmless: the first mark stands.
    update: {},
    create: { orgId: input.orgId, scenarioId: input.scenarioId, createdById: input.userId },
  });
}

export type Dismissals = {
  /** Every dismissed listing: never recommended again. */
  ids: string[];
  /** The most recent ones, with what down-weighting needs (score.ts feedbackFactor). */
  recent: DismissedFacts[];
};

export async function dismissalsOf(orgId: string): Promise<Dismissals> {
  const rows = await db.recommendationFeedback.findMany({
    where: { orgId },
    orderBy: { createdAt: "desc" },
    select: { scenarioId: true, scenario: { select: { sector: true, techTags: true } } },
  });
  return {
    ids: rows.map((r) => r.scenarioId),
    recent: rows.slice(0, FEEDBACK_WINDOW).map((r) => ({ sector: r.scenario.sector, techTags: r.scenario.techTags })),
  };
}
