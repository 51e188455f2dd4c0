import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { interestedVendors } from "../audiences.server";
import { defineEvent } from "../define-event.server";
import { clip, scenarioHeadSelect, scenarioTitle } from "./scenario-head.server";

/** A published answer reaches the asker and every interested vendor (the asker's org is never named). */
export const questionAnswered = defineEvent({
  event: "question.answered",
  load: (questionId) =>
    db.question.findUnique({
      where: { id: questionId },
      select: { id: true, body: true, answer: true, askedById: true, scenario: { select: scenarioHeadSelect } },
    }),
  audience: (q) => ({ OR: [{ id: q.askedById }, interestedVendors(q.scenario.id)] }),
  link: (q) => `/scenarios/${q.scenario.code}#qa-${q.id}`,
  data: (q) => ({ scenarioId: q.scenario.id, questionId: q.id }),
  notification: {
    title: "nt.answered.title",
    body: "nt.answered.body",
    vars: (q, { locale }) => ({ title: scenarioTitle(q.scenario, locale), question: clip(q.body) }),
  },
  mail: {
    template: "question-answered",
    props: (q, { locale, recipient }) => ({
      scenarioTitle: scenarioTitle(q.scenario, locale),
      scenarioCode: q.scenario.code,
      scenarioUrl: `${appUrl()}/scenarios/${q.scenario.code}#qa-${q.id}`,
      question: q.body,
      answer: q.answer ?? "",
      isAsker: recipient.id === q.askedById,
    }),
  },
});
