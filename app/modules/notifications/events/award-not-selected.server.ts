import { feedbackByProposal } from "~/modules/awards/feedback.server";
import { DECIDED_STATUSES } from "~/modules/proposals/proposal-status";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { loadDecisionHead, memberOrgs, membersOf } from "./award-head.server";
import { scenarioTitle } from "./scenario-head.server";

const fmt = (n: number | null) => (n == null ? "—" : String(Math.round(n * 100) / 100));

/**
 * After the award is final, every other vendor learns its result with feedback: its own score on
 * each criterion against the average, and the evaluators' justifications without their names.
 * Reserve candidates on the shortlist are told so.
 */
export const awardNotSelected = defineEvent({
  event: "award.notSelected",
  load: async (decisionId) => {
    const d = await loadDecisionHead(decisionId);
    if (!d) return null;
    const proposals = await db.proposal.findMany({
      where: { scenarioId: d.scenario.id, status: { in: [...DECIDED_STATUSES] } },
      select: { id: true, orgId: true, status: true },
    });
    const byOrg = new Map(proposals.map((p) => [p.orgId, p]));
    return { ...d, byOrg, members: await memberOrgs([...byOrg.keys()]), feedback: await feedbackByProposal(d.scenario.id) };
  },
  audience: (d) => membersOf([...d.byOrg.keys()]),
  link: (d) => `/vendor/proposals/${d.scenario.code}`,
  data: (d) => ({ scenarioId: d.scenario.id, decisionId: d.id }),
  notification: {
    title: "nt.aw.notSelected.title",
    body: "nt.aw.notSelected.body",
    vars: (d, { locale }) => ({ title: scenarioTitle(d.scenario, locale) }),
  },
  mail: {
    template: "not-selected",
    props: (d, { locale, t, recipient }) => {
      const org = d.members.get(recipient.id);
      const proposal = org ? d.byOrg.get(org.orgId) : undefined;
      const fb = proposal ? d.feedback.get(proposal.id) : undefined;
      return {
        orgName: org?.orgName ?? recipient.name,
        scenarioTitle: scenarioTitle(d.scenario, locale),
        scenarioCode: d.scenario.code,
        shortlisted: proposal?.status === "shortlisted",
        score: fb?.score != null ? fmt(fb.score) : undefined,
        rank: fb?.rank != null ? t("aw.fb.rank", { rank: fb.rank, of: fb.of }) : undefined,
        criteria: (fb?.criteria ?? []).map((c) => ({ name: c.name, own: fmt(c.own), average: fmt(c.average), max: fmt(c.max) })),
        justifications: (fb?.justifications ?? []).map((j) => t("aw.fb.line", { n: j.evaluator, criterion: j.criterion, text: j.text })),
        proposalUrl: `${appUrl()}/vendor/proposals/${d.scenario.code}`,
      };
    },
  },
});
