import { db } from "~/utils/db.server";
import { scenarioHeadSelect } from "./scenario-head.server";

// What the objection events read. The objector's organisation is not read: no text names it.
export function loadObjectionHead(objectionId: string) {
  return db.objection.findUnique({
    where: { id: objectionId },
    select: {
      id: true, reference: true, status: true, filedById: true, createdAt: true, answer: true, outcomeReason: true,
      scenario: { select: { ...scenarioHeadSelect, departmentId: true } },
    },
  });
}
export type ObjectionHead = NonNullable<Awaited<ReturnType<typeof loadObjectionHead>>>;

/** Where each side reads the thread: the objector on the notice's objection page, the department on its answer page. */
export const objectorUrl = (o: ObjectionHead) => `/notices/${o.scenario.code}/objection`;
export const departmentUrl = (o: ObjectionHead) => `/department/scenarios/${o.scenario.id}/objections`;
