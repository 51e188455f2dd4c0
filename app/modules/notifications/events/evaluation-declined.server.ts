import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { dueText, headTitle, loadAssignmentHead } from "./evaluation-head.server";

/** The department's officers hear that an expert declined, with the reason, and are asked for a replacement. */
export const evaluationDeclined = defineEvent({
  event: "evaluation.declined",
  load: async (assignmentId) => {
    const a = await loadAssignmentHead(assignmentId);
    return a && a.status === "declined" ? a : null;
  },
  audience: (a) => ({ memberships: { some: { orgId: a.scenario.departmentId, role: "officer" } } }),
  link: (a) => `/department/scenarios/${a.scenarioId}/evaluation`,
  data: (a) => ({ assignmentId: a.id, scenarioId: a.scenarioId }),
  notification: {
    title: "ea.nt.declined.title",
    body: "ea.nt.declined.body",
    vars: (a, { locale }) => ({ title: headTitle(a, locale), name: a.evaluator.name, reason: a.declineReason ?? "" }),
  },
  mail: {
    template: "evaluation-notice",
    props: (a, { locale }) => ({
      kind: "declined" as const,
      scenarioTitle: headTitle(a, locale),
      scenarioCode: a.scenario.code,
      dueAt: dueText(a.dueAt, locale),
      actionUrl: `${appUrl()}/department/scenarios/${a.scenarioId}/evaluation`,
      evaluatorName: a.evaluator.name,
      reason: a.declineReason ?? "",
    }),
  },
});
