import { noticeEndText } from "~/modules/awards/notice-text";
import { IN_REVIEW_STATUSES } from "~/modules/proposals/proposal-status";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { loadDecisionHead, memberOrgs, proposersOf } from "./award-head.server";
import { scenarioTitle } from "./scenario-head.server";

/**
 * The notice is published: the proposed winners are told they are proposed; every other vendor that
 * submitted a proposal is told the result is public and that it may object until the period ends.
 */
export const awardNoticePublished = defineEvent({
  event: "award.noticePublished",
  load: async (decisionId) => {
    const d = await loadDecisionHead(decisionId);
    if (!d || !d.noticeEndsAt) return null;
    const orgs = await db.proposal.findMany({ where: { scenarioId: d.scenario.id, status: { in: [...IN_REVIEW_STATUSES] } }, select: { orgId: true } });
    return { ...d, noticeEndsAt: d.noticeEndsAt, members: await memberOrgs(orgs.map((o) => o.orgId)) };
  },
  audience: (d) => proposersOf(d.scenario.id),
  link: (d) => `/notices/${d.scenario.code}`,
  data: (d) => ({ scenarioId: d.scenario.id, decisionId: d.id }),
  notification: {
    title: "nt.aw.notice.title",
    body: "nt.aw.notice.body",
    vars: (d, { locale, t }) => ({ title: scenarioTitle(d.scenario, locale), end: noticeEndText(d.noticeEndsAt, locale, t) }),
  },
  mail: {
    template: "award-notice",
    props: (d, { locale, t, recipient }) => {
      const org = d.members.get(recipient.id);
      return {
        orgName: org?.orgName ?? recipient.name,
        scenarioTitle: scenarioTitle(d.scenario, locale),
        scenarioCode: d.scenario.code,
        stage: org && d.winnerOrgIds.includes(org.orgId) ? ("proposed" as const) : ("notice" as const),
        noticeEndsAt: noticeEndText(d.noticeEndsAt, locale, t),
        scenarioUrl: `${appUrl()}/notices/${d.scenario.code}`,
      };
    },
  },
});
