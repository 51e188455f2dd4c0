import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { officersOf } from "./award-head.server";
import { departmentUrl, loadObjectionHead, objectorUrl } from "./objection-head.server";
import { clip, scenarioTitle } from "./scenario-head.server";

/** The platform's outcome reaches the objector and the department's officers. */
export const objectionDecided = defineEvent({
  event: "objection.decided",
  load: async (objectionId) => {
    const o = await loadObjectionHead(objectionId);
    return o && (o.status === "upheld" || o.status === "dismissed") ? { ...o, outcome: o.status } : null;
  },
  audience: (o) => ({ OR: [{ id: o.filedById }, officersOf(o.scenario.departmentId)] }),
  link: (o) => departmentUrl(o),
  data: (o) => ({ scenarioId: o.scenario.id, objectionId: o.id, outcome: o.outcome }),
  notification: {
    title: "nt.ob.decided.title",
    body: "nt.ob.decided.body",
    vars: (o, { locale, t }) => ({
      ref: o.reference, title: scenarioTitle(o.scenario, locale),
      outcome: t(o.outcome === "upheld" ? "nc.objection.upheld" : "nc.objection.dismissed"), reason: clip(o.outcomeReason ?? ""),
    }),
  },
  mail: {
    template: "objection-answered",
    props: (o, { locale, recipient }) => ({
      scenarioTitle: scenarioTitle(o.scenario, locale),
      scenarioCode: o.scenario.code,
      reference: o.reference,
      stage: o.outcome,
      answer: o.answer ?? "",
      reason: o.outcomeReason ?? "",
      url: `${appUrl()}${recipient.id === o.filedById ? objectorUrl(o) : departmentUrl(o)}`,
    }),
  },
});
