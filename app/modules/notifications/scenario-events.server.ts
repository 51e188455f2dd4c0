import type { FieldChange } from "~/modules/scenarios/scenario-diff";
import type { Tx } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { translator } from "~/utils/i18n";
import { changesText } from "./change-text";
import { interestedVendorUsers, type Recipient } from "./interested.server";
import { notifyUsers } from "./notify.server";

// Follow-ups of scenario events. Each runs in the transaction of the command that caused it
// (answerQuestion, amendScenario, cancelScenario), so an event and its notices commit together;
// see notify.server.ts for why that is safe to repeat.

type ScenarioHead = { id: string; code: string; title: string; titleEn: string | null };

async function loadHead(tx: Tx, scenarioId: string): Promise<ScenarioHead> {
  return tx.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { id: true, code: true, title: true, titleEn: true } });
}

function titleFor(s: ScenarioHead, locale: string): string {
  return locale === "en" && s.titleEn ? s.titleEn : s.title;
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A published answer reaches the asker and every interested vendor (the asker's org is never named). */
export async function onQuestionAnswered(tx: Tx, questionId: string): Promise<number> {
  const q = await tx.question.findUniqueOrThrow({
    where: { id: questionId },
    select: {
      id: true, body: true, answer: true, scenarioId: true, askedById: true,
      askedBy: { select: { id: true, email: true, name: true, locale: true } },
    },
  });
  const s = await loadHead(tx, q.scenarioId);
  const recipients: Recipient[] = [q.askedBy, ...(await interestedVendorUsers(tx, s.id))];
  const path = `/scenarios/${s.code}#qa-${q.id}`;
  return notifyUsers(tx, recipients, {
    event: "question.answered",
    entityId: q.id,
    link: path,
    data: { scenarioId: s.id, questionId: q.id },
    template: "question-answered",
    content: (locale, user) => {
      const t = translator(locale);
      return {
        title: t("nt.answered.title", { title: titleFor(s, locale) }),
        body: t("nt.answered.body", { question: clip(q.body) }),
        props: {
          scenarioTitle: titleFor(s, locale), scenarioCode: s.code, scenarioUrl: `${appUrl()}${path}`,
          question: q.body, answer: q.answer ?? "", isAsker: user.id === q.askedById,
        },
      };
    },
  });
}

export type AmendmentEvent = { id: string; version: number; material: boolean; changes: FieldChange[]; note: string };

/**
 * Only a MATERIAL amendment (scenario-diff MATERIAL_FIELDS) is announced; it also marks the
 * drafts and submitted proposals for the scenario "changed since you wrote this" (the proposal
 * pages show the banner from `scenarioChangedAt`). A summary-only edit stays in the version history.
 */
export async function onScenarioAmended(tx: Tx, event: AmendmentEvent, now = new Date()): Promise<number> {
  if (!event.material) return 0;
  const s = await loadHead(tx, event.id);
  await tx.proposal.updateMany({
    where: { scenarioId: s.id, status: { in: ["draft", "submitted"] } },
    data: { scenarioChangedAt: now },
  });
  const recipients = await interestedVendorUsers(tx, s.id);
  const path = `/scenarios/${s.code}`;
  return notifyUsers(tx, recipients, {
    // Each published version is its own event: a later amendment notifies again.
    event: "scenario.amended",
    entityId: `${s.id}@v${event.version}`,
    link: path,
    data: { scenarioId: s.id, version: event.version, fields: event.changes.map((c) => c.field) },
    template: "scenario-update",
    content: (locale) => {
      const t = translator(locale);
      const changes = changesText(event.changes, locale);
      return {
        title: t("nt.amended.title", { title: titleFor(s, locale) }),
        body: changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join("\n"),
        props: {
          kind: "amended" as const, scenarioTitle: titleFor(s, locale), scenarioCode: s.code, scenarioUrl: `${appUrl()}${path}`,
          reason: event.note || undefined, changes,
        },
      };
    },
  });
}

/** Cancellation reaches every interested vendor, with the department's reason. */
export async function onScenarioCancelled(tx: Tx, event: { id: string; reason: string }): Promise<number> {
  const s = await loadHead(tx, event.id);
  const recipients = await interestedVendorUsers(tx, s.id);
  const path = `/scenarios/${s.code}`;
  return notifyUsers(tx, recipients, {
    event: "scenario.cancelled",
    entityId: s.id,
    link: path,
    data: { scenarioId: s.id },
    template: "scenario-update",
    content: (locale) => {
      const t = translator(locale);
      return {
        title: t("nt.cancelled.title", { title: titleFor(s, locale) }),
        body: t("nt.cancelled.body", { reason: event.reason }),
        props: { kind: "cancelled" as const, scenarioTitle: titleFor(s, locale), scenarioCode: s.code, scenarioUrl: `${appUrl()}${path}`, reason: event.reason },
      };
    },
  });
}
