import { FOLLOWING_STATUSES } from "~/modules/proposals/proposal-status";
import type { Prisma } from "~/generated/prisma/client";

/**
 * THE definition of a scenario's "interested vendors" (SPEC §4, issue 4 items 7–8): organisations
 * that saved it (ScenarioInterest), asked about it (Question), or are drafting or have submitted
 * for it (a Proposal that is not withdrawn). Every vendor_member of those organisations hears about
 * answers, amendments and cancellation — the organisation is interested, not only the person who clicked.
 * Answers, amendments and cancellations all use this one condition, so the audiences never drift apart.
 * A condition rather than a list, so the fan-out pages through thousands of users by id.
 */
export function interestedVendors(scenarioId: string): Prisma.UserWhereInput {
  return {
    memberships: {
      some: {
        role: "vendor_member",
        org: {
          OR: [
            { interests: { some: { scenarioId } } },
            { questions: { some: { scenarioId } } },
            { proposals: { some: { scenarioId, status: { in: [...FOLLOWING_STATUSES] } } } },
          ],
        },
      },
    },
  };
}
