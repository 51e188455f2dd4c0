import { db } from "~/utils/db.server";
import { defineEvent } from "../define-event.server";

/**
 * Every member of the organisation hears the admin's verification decision; a rejection carries the
 * reason, so they know what to correct. The decision itself is read back from the organisation,
 * and an organisation whose state has changed again since (verified after a rejection) announces nothing stale.
 */
export const organisationVerificationDecided = defineEvent({
  event: "organisation.verification_decided",
  occurrence: (orgId, data) => `${orgId}:${data.decision}:${data.decidedAt}`,
  load: async (orgId, data) => {
    const org = await db.organisation.findUnique({ where: { id: orgId }, select: { id: true, name: true, type: true, verified: true, rejectionReason: true } });
    if (!org) return null;
    if (data.decision === "verified" ? !org.verified : org.verified) return null;
    return { ...org, decision: data.decision };
  },
  audience: (org) => ({ memberships: { some: { orgId: org.id } } }),
  // A company or institute lands on its verification page: the reason, its documents, and "submit again".
  // ?org= so that a member of several organisations lands on this one's page.
  link: (org) => (org.type === "department" ? "/department" : `/vendor/profile/verification?org=${org.id}`),
  data: (org) => ({ orgId: org.id, decision: org.decision }),
  notification: {
    title: "adm.nt.verification.title",
    body: "adm.nt.verification.body",
    vars: (org, { t }) => ({
      name: org.name,
      decision: t(org.decision === "verified" ? "adm.nt.verification.verified" : "adm.nt.verification.rejected"),
      reason: org.rejectionReason ?? "",
    }),
  },
});
