import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";

/**
 * The receipt of one submission reaches the member who submitted it twice: in the notification list
 * and by mail (server time, SHA-256 digest, submission number), for the organisation's records.
 */
export const proposalSubmitted = defineEvent({
  event: "proposal.submitted",
  load: (submissionId) =>
    db.proposalSubmission.findUnique({
      where: { id: submissionId },
      select: {
        id: true, number: true, digest: true, submittedAt: true, submittedById: true,
        proposal: { select: { scenario: { select: { code: true, title: true } } } },
      },
    }),
  audience: (s) => ({ id: s.submittedById }),
  link: (s) => `/vendor/proposals/${s.proposal.scenario.code}`,
  data: (s) => ({ number: s.number, digest: s.digest }),
  notification: {
    title: "nt.submitted.title",
    body: "nt.submitted.body",
    vars: (s) => ({ title: s.proposal.scenario.title, number: s.number, digest: s.digest }),
  },
  mail: {
    template: "proposal-receipt",
    props: (s, { recipient }) => ({
      name: recipient.name,
      scenarioTitle: s.proposal.scenario.title,
      scenarioCode: s.proposal.scenario.code,
      number: s.number,
      digest: s.digest,
      submittedAt: s.submittedAt.toISOString(),
      proposalUrl: `${appUrl()}/vendor/proposals/${s.proposal.scenario.code}`,
    }),
  },
});
