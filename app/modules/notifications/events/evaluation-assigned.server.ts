import { isActiveAssignment } from "~/modules/evaluation/assignment-status";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { dueText, headTitle, loadAssignmentHead } from "./evaluation-head.server";

/** The expert hears that they were asked to evaluate, with the due date, in the app and by mail. */
export const evaluationAssigned = defineEvent({
  event: "evaluation.assigned",
  // Withdrawn before the worker ran: nothing to announce.
  load: async (assignmentId) => {
    const a = await loadAssignmentHead(assignmentId);
    return a && isActiveAssignment(a.status) ? a : null;
  },
  audience: (a) => ({ id: a.evaluatorId }),
  link: (a) => `/evaluator/assignments/${a.id}`,
  data: (a) => ({ assignmentId: a.id, scenarioId: a.scenarioId }),
  notification: {
    title: "ea.nt.assigned.title",
    body: "ea.nt.assigned.body",
    vars: (a, { locale }) => ({ title: headTitle(a, locale), due: dueText(a.dueAt, locale) }),
  },
  mail: {
    template: "evaluation-notice",
    props: (a, { locale }) => ({
      kind: "assigned" as const,
      scenarioTitle: headTitle(a, locale),
      scenarioCode: a.scenario.code,
      dueAt: dueText(a.dueAt, locale),
      actionUrl: `${appUrl()}/evaluator/assignments/${a.id}`,
    }),
  },
});
