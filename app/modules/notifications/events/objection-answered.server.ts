import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { clip, scenarioTitle } from "./scenario-head.server";
import { loadObjectionHead, objectorUrl } from "./objection-head.server";

/** The department's written answer reaches the person who filed the objection. */
export const objectionAnswered = defineEvent({
  event: "objection.answered",
  load: loadObjectionHead,
  audience: (o) => ({ id: o.filedById }),
  link: (o) => objectorUrl(o),
  data: (o) => ({ scenarioId: o.scenario.id, objectionId: o.id }),
  notification: {
    title: "nt.ob.answered.title",
    body: "nt.ob.answered.body",
    vars: (o, { locale }) => ({ ref: o.reference, title: scenarioTitle(o.scenario, locale), answer: clip(o.answer ?? "") }),
  },
  mail: {
    template: "objection-answered",
    props: (o, { locale }) => ({
      scenarioTitle: scenarioTitle(o.scenario, locale),
      scenarioCode: o.scenario.code,
      reference: o.reference,
      stage: "answered" as const,
      answer: o.answer ?? "",
      url: `${appUrl()}${objectorUrl(o)}`,
    }),
  },
});
