import { defineEvent } from "../define-event.server";
import { admins } from "./award-head.server";
import { loadObjectionHead } from "./objection-head.server";
import { scenarioTitle } from "./scenario-head.server";

/** An answered objection waits for the platform's outcome: a notification to admins (their queue is /admin/objections). */
export const objectionAwaitingOutcome = defineEvent({
  event: "objection.awaitingOutcome",
  load: loadObjectionHead,
  audience: () => admins,
  link: () => "/admin/objections",
  data: (o) => ({ scenarioId: o.scenario.id, objectionId: o.id }),
  notification: {
    title: "nt.ob.awaiting.title",
    body: "nt.ob.awaiting.body",
    vars: (o, { locale }) => ({ ref: o.reference, title: scenarioTitle(o.scenario, locale) }),
  },
});
