import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { db } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors.server";
import { membershipsWithRole, requireRole, type CurrentUser } from "~/utils/permissions.server";

/**
 * Who reaches a delivery (Design §4.15):
 * - the department: requireScenarioManager (an officer of the scenario's department; others 403);
 * - a vendor: a member of an organisation with an awarded proposal on the scenario. Any other vendor
 *   gets 404, exactly like an unknown code, so a delivery says nothing to outsiders.
 */
export async function requireDeliveryManager(request: Request, id: string | undefined) {
  return requireScenarioManager(request, id);
}

export type DeliveryTeamKey = { scenarioId: string; code: string; proposalId: string; orgId: string };

export async function requireDeliveryTeam(request: Request, code: string | undefined): Promise<{ user: CurrentUser; team: DeliveryTeamKey }> {
  const user = await requireRole(request, "vendor_member");
  const orgIds = membershipsWithRole(user, "vendor_member").map((m) => m.orgId);
  const proposal = await db.proposal.findFirst({
    where: { status: "awarded", orgId: { in: orgIds }, scenario: { code: code ?? "" } },
    select: { id: true, orgId: true, scenario: { select: { id: true, code: true } } },
  });
  invariantResponse(proposal, 404);
  return { user, team: { scenarioId: proposal.scenario.id, code: proposal.scenario.code, proposalId: proposal.id, orgId: proposal.orgId } };
}
