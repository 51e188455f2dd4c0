import { createElement, type ComponentProps, type ReactElement } from "react";
import type { MailLocale } from "./layout";
import AccountExists, { subject as accountExistsSubject } from "./account-exists";
import EvaluationNotice, { subject as evaluationNoticeSubject } from "./evaluation-notice";
import AwardNotice, { subject as awardNoticeSubject } from "./award-notice";
import Digest, { subject as digestSubject, text as digestText } from "./digest";
import GateDecision, { subject as gateDecisionSubject } from "./gate-decision";
import Invitation, { subject as invitationSubject } from "./invitation";
import MilestoneUpdate, { subject as milestoneUpdateSubject } from "./milestone-update";
import NotSelected, { subject as notSelectedSubject } from "./not-selected";
import ObjectionAnswered, { subject as objectionAnsweredSubject } from "./objection-answered";
import ObjectionReceived, { subject as objectionReceivedSubject } from "./objection-received";
import QuestionAnswered, { subject as questionAnsweredSubject } from "./question-answered";
import ProposalReceipt, { subject as proposalReceiptSubject } from "./proposal-receipt";
import ScoreSheetReopened, { subject as scoreSheetReopenedSubject } from "./score-sheet-reopened";
import ResetPassword, { subject as resetPasswordSubject } from "./reset-password";
import ScenarioUpdate, { subject as scenarioUpdateSubject } from "./scenario-update";
import VerifyEmail, { subject as verifyEmailSubject } from "./verify-email";

export type { MailLocale } from "./layout";

// Template names are stored in Mail.template, so renaming a key orphans old rows' labels.
// `text` (optional) writes the plain-text part directly instead of deriving it from the HTML: for
// templates rendered thousands of times a run (digests). Every other plain text is derived.
export const TEMPLATES = {
  "verify-email": { component: VerifyEmail, subject: verifyEmailSubject },
  "reset-password": { component: ResetPassword, subject: resetPasswordSubject },
  invitation: { component: Invitation, subject: invitationSubject },
  "account-exists": { component: AccountExists, subject: accountExistsSubject },
  "scenario-update": { component: ScenarioUpdate, subject: scenarioUpdateSubject },
  "question-answered": { component: QuestionAnswered, subject: questionAnsweredSubject },
  "proposal-receipt": { component: ProposalReceipt, subject: proposalReceiptSubject },
  "evaluation-notice": { component: EvaluationNotice, subject: evaluationNoticeSubject },
  "score-sheet-reopened": { component: ScoreSheetReopened, subject: scoreSheetReopenedSubject },
  "award-notice": { component: AwardNotice, subject: awardNoticeSubject },
  "not-selected": { component: NotSelected, subject: notSelectedSubject },
  "objection-received": { component: ObjectionReceived, subject: objectionReceivedSubject },
  "objection-answered": { component: ObjectionAnswered, subject: objectionAnsweredSubject },
  "milestone-update": { component: MilestoneUpdate, subject: milestoneUpdateSubject },
  "gate-decision": { component: GateDecision, subject: gateDecisionSubject },
  digest: { component: Digest, subject: digestSubject, text: digestText },
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** What a caller passes for a template: everything except the locale, which is its own argument. */
export type TemplateProps<N extends TemplateName> = Omit<ComponentProps<(typeof TEMPLATES)[N]["component"]>, "locale">;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

type Loose = Record<string, unknown>;
type Entry = { component: (p: Loose) => ReactElement; subject: (p: Loose) => string; text?: (p: Loose) => string };

// TypeScript cannot correlate TEMPLATES[N] with TemplateProps<N>; the public signatures keep callers exact.
function entryOf(template: TemplateName): Entry {
  return TEMPLATES[template] as unknown as Entry;
}

/** Builds the element and subject of one mail; rendering to html/text is the caller's job. */
export function buildMail<N extends TemplateName>(
  template: N,
  props: TemplateProps<N>,
  locale: MailLocale,
): { element: ReactElement; subject: string; text?: string } {
  const entry = entryOf(template);
  const full = { ...props, locale } as Loose;
  return { element: createElement(entry.component, full), subject: entry.subject(full), text: entry.text?.(full) };
}

export { TEMPLATE_SAMPLES, type TemplateSample } from "./samples";
