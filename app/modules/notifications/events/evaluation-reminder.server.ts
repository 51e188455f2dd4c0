import { assignmentProgress } from "~/modules/evaluation/assignment-progress";
import { isActiveAssignment } from "~/modules/evaluation/assignment-status";
import { workOfMany } from "~/modules/evaluation/assignment-work.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { dueText, headTitle, loadAssignmentHead } from "./evaluation-head.server";

/**
 * Before the due date the expert is reminded of the work left. The count is read when the worker
 * runs: an expert who finished in between gets nothing.
 */
export const evaluationReminder = defineEvent({
  event: "evaluation.reminder",
  occurrence: (assignmentId, data) => `${assignmentId}:${data.dueAt}:${data.stage}`,
  load: async (assignmentId) => {
    const a = await loadAssignmentHead(assignmentId);
    if (!a || !isActiveAssignment(a.status)) return null;
    const progress = assignmentProgress((await workOfMany([a])).get(a.id) ?? []);
    return progress.outstanding > 0 ? { ...a, outstanding: progress.outstanding } : null;
  },
  audience: (a) => ({ id: a.evaluatorId }),
  link: (a) => `/evaluator/assignments/${a.id}`,
  data: (a) => ({ assignmentId: a.id, scenarioId: a.scenarioId, outstanding: a.outstanding }),
  notification: {
    title: "ea.nt.reminder.title",
    body: "ea.nt.reminder.body",
    vars: (a, { locale }) => ({ title: headTitle(a, locale), due: dueText(a.dueAt, locale), n: a.outstanding }),
  },
  mail: {
    template: "evaluation-notice",
    props: (a, { locale }) => ({
      kind: "reminder" as const,
      scenarioTitle: headTitle(a, locale),
      scenarioCode: a.scenario.code,
      dueAt: dueText(a.dueAt, locale),
      actionUrl: `${appUrl()}/evaluator/assignments/${a.id}`,
      outstanding: a.outstanding,
    }),
  },
});
