import { invariantResponse } from "~/utils/errors.server";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { getScenarioRef } from "./scenario-queries.server";

/**
 * The guard of every department scenario page: anonymous → /login, not an officer (vendor,
 * evaluator, admin) → 403, unknown id → 404, officer of another department → 403.
 * Returns the key that scopes every later query to the owning department.
 */
export async function requireScenarioManager(request: Request, id: string | undefined) {
  const user = await requireRole(request, "officer");
  const ref = await getScenarioRef(id ?? "");
  invariantResponse(ref, 404);
  requirePermission(user, "scenario.manage", ref);
  return { user, ref, key: { id: ref.id, departmentId: ref.departmentId } };
}
