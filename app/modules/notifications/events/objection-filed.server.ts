import { formatDate } from "~/utils/format";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { officersOf } from "./award-head.server";
import { departmentUrl, loadObjectionHead, objectorUrl } from "./objection-head.server";
import { scenarioTitle } from "./scenario-head.server";

// The department answers within three days of receipt (as 招标投标法实施条例 art. 54 asks of a tenderer).
const ANSWER_DAYS = 3;

/** A new objection: a to-do for the department's officers, a receipt for the person who filed it. */
export const objectionFiled = defineEvent({
  event: "objection.filed",
  load: loadObjectionHead,
  audience: (o) => ({ OR: [{ id: o.filedById }, officersOf(o.scenario.departmentId)] }),
  link: (o) => departmentUrl(o),
  data: (o) => ({ scenarioId: o.scenario.id, objectionId: o.id }),
  notification: {
    title: "nt.ob.filed.title",
    body: "nt.ob.filed.body",
    vars: (o, { locale }) => ({ ref: o.reference, title: scenarioTitle(o.scenario, locale), date: formatDate(o.createdAt, locale) }),
  },
  mail: {
    template: "objection-received",
    props: (o, { locale, recipient }) => {
      const objector = recipient.id === o.filedById;
      return {
        audience: objector ? ("objector" as const) : ("department" as const),
        scenarioTitle: scenarioTitle(o.scenario, locale),
        scenarioCode: o.scenario.code,
        reference: o.reference,
        receivedAt: formatDate(o.createdAt, locale),
        answerBy: formatDate(new Date(o.createdAt.getTime() + ANSWER_DAYS * 86_400_000), locale),
        url: `${appUrl()}${objector ? objectorUrl(o) : departmentUrl(o)}`,
      };
    },
  },
});
