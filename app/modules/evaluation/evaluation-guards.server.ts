import { getScenarioRef } from "~/modules/scenarios/scenario-queries.server";
import { db } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors.server";
import { forbidden, hasRole, requirePermission, requireRole, requireUser } from "~/utils/permissions.server";

/**
 * The guard of the assignment page: anonymous → /login; neither an officer nor an admin → 403;
 * unknown scenario → 404; an officer of another department → 403. Admins act on any scenario
 * (SPEC §4: "admin or department assigns"); the returned key still scopes every query to the
 * scenario's own department.
 */
export async function requireEvaluationManager(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const isAdmin = hasRole(user, "admin");
  if (!isAdmin && !hasRole(user, "officer")) forbidden();
  const ref = await getScenarioRef(id ?? "");
  invariantResponse(ref, 404);
  if (!isAdmin) requirePermission(user, "scenario.manage", ref);
  return { user, ref, isAdmin, key: { id: ref.id, departmentId: ref.departmentId } };
}

/**
 * An evaluator reaches an assignment only if it is their own: anyone else's id — or an id that does
 * not exist — is the same 404, so ids cannot be probed.
 */
export async function requireOwnAssignment(request: Request, id: string | undefined) {
  const user = await requireRole(request, "evaluator");
  const assignment = await db.evaluationAssignment.findFirst({ where: { id: id ?? "", evaluatorId: user.id }, select: { id: true } });
  invariantResponse(assignment, 404);
  return { user, assignmentId: assignment.id };
}
