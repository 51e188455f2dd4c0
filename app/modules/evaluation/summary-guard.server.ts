import { getScenarioRef } from "~/modules/scenarios/scenario-queries.server";
import { invariantResponse } from "~/utils/errors.server";
import { forbidden, hasRole, requireUser } from "~/utils/permissions.server";

/**
 * Who reads a scenario's evaluation summary and its downloads: the officers of its department, and
 * admins (who keep the pool and the assignments). Anonymous → login, anyone else → 403, unknown → 404.
 * `officer` says whether the reader may also act (reopen a sheet): that is the department's call only.
 */
export async function requireSummaryReader(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const ref = await getScenarioRef(id ?? "");
  invariantResponse(ref, 404);
  const officer = user.memberships.some((m) => m.role === "officer" && m.orgId === ref.departmentId);
  if (!officer && !hasRole(user, "admin")) forbidden();
  return { user, ref, officer };
}
