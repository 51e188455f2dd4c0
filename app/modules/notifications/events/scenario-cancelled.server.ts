import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { interestedVendors } from "../audiences.server";
import { defineEvent } from "../define-event.server";
import { scenarioHeadSelect, scenarioTitle } from "./scenario-head.server";

/** Cancellation reaches every interested vendor, with the department's reason. */
export const scenarioCancelled = defineEvent({
  event: "scenario.cancelled",
  load: async (scenarioId) => {
    const s = await db.scenario.findUnique({ where: { id: scenarioId }, select: { ...scenarioHeadSelect, cancelReason: true } });
    return s ? { ...s, reason: s.cancelReason ?? "" } : null;
  },
  audience: (s) => interestedVendors(s.id),
  link: (s) => `/scenarios/${s.code}`,
  data: (s) => ({ scenarioId: s.id }),
  notification: {
    title: "nt.cancelled.title",
    body: "nt.cancelled.body",
    vars: (s, { locale }) => ({ title: scenarioTitle(s, locale), reason: s.reason }),
  },
  mail: {
    template: "scenario-update",
    props: (s, { locale }) => ({
      kind: "cancelled" as const,
      scenarioTitle: scenarioTitle(s, locale),
      scenarioCode: s.code,
      scenarioUrl: `${appUrl()}/scenarios/${s.code}`,
      reason: s.reason,
    }),
  },
});
