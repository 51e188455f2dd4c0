import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { loadDecisionHead, memberOrgs, membersOf } from "./award-head.server";
import { scenarioTitle } from "./scenario-head.server";

/** The notice ended with nothing pending: the winners are awarded and start delivery. */
export const awardFinalised = defineEvent({
  event: "award.finalised",
  load: async (decisionId) => {
    const d = await loadDecisionHead(decisionId);
    return d ? { ...d, members: await memberOrgs(d.winnerOrgIds) } : null;
  },
  audience: (d) => membersOf(d.winnerOrgIds),
  link: (d) => `/notices/${d.scenario.code}`,
  data: (d) => ({ scenarioId: d.scenario.id, decisionId: d.id }),
  notification: {
    title: "nt.aw.final.title",
    body: "nt.aw.final.body",
    vars: (d, { locale }) => ({ title: scenarioTitle(d.scenario, locale) }),
  },
  mail: {
    template: "award-notice",
    props: (d, { locale, recipient }) => ({
      orgName: d.members.get(recipient.id)?.orgName ?? recipient.name,
      scenarioTitle: scenarioTitle(d.scenario, locale),
      scenarioCode: d.scenario.code,
      stage: "awarded" as const,
      noticeEndsAt: "",
      scenarioUrl: `${appUrl()}/notices/${d.scenario.code}`,
    }),
  },
});
