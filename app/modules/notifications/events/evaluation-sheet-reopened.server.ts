import { identityRedactor } from "~/modules/evaluation/identity-redaction.server";
import { proposalLabels } from "~/modules/evaluation/proposal-labels.server";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { clip, scenarioHeadSelect, scenarioTitle } from "./scenario-head.server";

/**
 * The department reopened a submitted score sheet: its evaluator hears why, in the notification list
 * and by mail. The proposal is named by its letter ("申报 B"), never by its organisation, and in blind
 * review the reason is masked like everything else the evaluator reads.
 */
export const sheetReopened = defineEvent({
  event: "evaluation.sheet_reopened",
  occurrence: (sheetId, data) => `${sheetId}:${data.reopenedAt}`,
  load: async (sheetId) => {
    const sheet = await db.scoreSheet.findUnique({
      where: { id: sheetId },
      select: {
        id: true, proposalId: true, reopenReason: true,
        assignment: { select: { id: true, evaluatorId: true, scenario: { select: { ...scenarioHeadSelect, blindReview: true } } } },
      },
    });
    if (!sheet?.reopenReason) return null;
    const { scenario } = sheet.assignment;
    const label = (await proposalLabels(scenario.id)).get(sheet.proposalId) ?? "?";
    const reason = scenario.blindReview ? (await identityRedactor(sheet.proposalId))(sheet.reopenReason) : sheet.reopenReason;
    return { ...sheet, label, reason, scenario };
  },
  audience: (s) => ({ id: s.assignment.evaluatorId }),
  link: (s) => `/evaluator/assignments/${s.assignment.id}/proposals/${s.proposalId}`,
  data: (s) => ({ scenarioId: s.scenario.id, proposalId: s.proposalId, sheetId: s.id }),
  notification: {
    title: "es.nt.reopened.title",
    body: "es.nt.reopened.body",
    vars: (s, { locale }) => ({ title: scenarioTitle(s.scenario, locale), label: s.label, reason: clip(s.reason) }),
  },
  mail: {
    template: "score-sheet-reopened",
    props: (s, { locale, recipient }) => ({
      name: recipient.name,
      scenarioTitle: scenarioTitle(s.scenario, locale),
      scenarioCode: s.scenario.code,
      label: s.label,
      reason: s.reason,
      sheetUrl: `${appUrl()}/evaluator/assignments/${s.assignment.id}/proposals/${s.proposalId}`,
    }),
  },
});
