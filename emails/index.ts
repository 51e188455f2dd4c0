import { createElement, type ComponentProps, type ReactElement } from "react";
import type { MailLocale } from "./layout";
import AccountExists, { subject as accountExistsSubject } from "./account-exists";
import EvaluationNotice, { subject as evaluationNoticeSubject } from "./evaluation-notice";
import Invitation, { subject as invitationSubject } from "./invitation";
import QuestionAnswered, { subject as questionAnsweredSubject } from "./question-answered";
import ProposalReceipt, { subject as proposalReceiptSubject } from "./proposal-receipt";
import ScoreSheetReopened, { subject as scoreSheetReopenedSubject } from "./score-sheet-reopened";
import ResetPassword, { subject as resetPasswordSubject } from "./reset-password";
import ScenarioUpdate, { subject as scenarioUpdateSubject } from "./scenario-update";
import VerifyEmail, { subject as verifyEmailSubject } from "./verify-email";

export type { MailLocale } from "./layout";

// Template names are stored in Mail.template, so renaming a key orphans old rows' labels.
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
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** What a caller passes for a template: everything except the locale, which is its own argument. */
export type TemplateProps<N extends TemplateName> = Omit<ComponentProps<(typeof TEMPLATES)[N]["component"]>, "locale">;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** Builds the element and subject of one mail; rendering to html/text is the caller's job. */
export function buildMail<N extends TemplateName>(
  template: N,
  props: TemplateProps<N>,
  locale: MailLocale,
): { element: ReactElement; subject: string } {
  // TypeScript cannot correlate TEMPLATES[N] with TemplateProps<N>; the public signature keeps callers exact.
  const entry = TEMPLATES[template] as unknown as {
    component: (p: Record<string, unknown>) => ReactElement;
    subject: (p: Record<string, unknown>) => string;
  };
  const full = { ...props, locale } as Record<string, unknown>;
  return { element: createElement(entry.component, full), subject: entry.subject(full) };
}
