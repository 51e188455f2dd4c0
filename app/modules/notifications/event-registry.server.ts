import type { TemplateName } from "./mail.server";
import type { EventDefinition } from "./define-event.server";
import type { EventName } from "./events";
import { evaluationAssigned } from "./events/evaluation-assigned.server";
import { evaluationDeclined } from "./events/evaluation-declined.server";
import { gateDecided } from "./events/gate-decided.server";
import { milestoneAccepted, milestoneOverdue, milestoneReminder, milestoneReturned, milestoneSubmitted } from "./events/milestone-events.server";
import { organisationVerificationDecided } from "./events/organisation-verification-decided.server";
import { evaluationReminder } from "./events/evaluation-reminder.server";
import { sheetReopened } from "./events/evaluation-sheet-reopened.server";
import { proposalSubmitted } from "./events/proposal-submitted.server";
import { questionAnswered } from "./events/question-answered.server";
import { scenarioAmended } from "./events/scenario-amended.server";
import { scenarioCancelled } from "./events/scenario-cancelled.server";
import { awardFinalised } from "./events/award-finalised.server";
import { awardNoticePublished } from "./events/award-notice-published.server";
import { awardNotSelected } from "./events/award-not-selected.server";
import { objectionAnswered } from "./events/objection-answered.server";
import { objectionAwaitingOutcome } from "./events/objection-awaiting-outcome.server";
import { objectionDecided } from "./events/objection-decided.server";
import { objectionFiled } from "./events/objection-filed.server";

/**
 * THE registry of events: who receives what, in which template, with which text keys. Adding an
 * event = its payload schema in events.ts, a definition file in events/, one line here; the command
 * then calls emitEvent(tx, name, entityId, data). TypeScript refuses a name without a definition.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own context type
export const EVENT_REGISTRY: { [E in EventName]: EventDefinition<E, any, TemplateName> } = {
  "question.answered": questionAnswered,
  "scenario.amended": scenarioAmended,
  "scenario.cancelled": scenarioCancelled,
  "proposal.submitted": proposalSubmitted,
  "evaluation.assigned": evaluationAssigned,
  "evaluation.declined": evaluationDeclined,
  "evaluation.reminder": evaluationReminder,
  "evaluation.sheet_reopened": sheetReopened,
  "award.noticePublished": awardNoticePublished,
  "award.finalised": awardFinalised,
  "award.notSelected": awardNotSelected,
  "objection.filed": objectionFiled,
  "objection.answered": objectionAnswered,
  "objection.awaitingOutcome": objectionAwaitingOutcome,
  "objection.decided": objectionDecided,
  "milestone.submitted": milestoneSubmitted,
  "milestone.accepted": milestoneAccepted,
  "milestone.returned": milestoneReturned,
  "milestone.reminder": milestoneReminder,
  "milestone.overdue": milestoneOverdue,
  "gate.decided": gateDecided,
  "organisation.verification_decided": organisationVerificationDecided,
};
