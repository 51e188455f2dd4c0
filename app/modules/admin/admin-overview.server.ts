import { db } from "~/utils/db.server";

/** The admin home's figures: what is on the platform and what waits for an admin. */
export async function adminOverview(now = new Date()) {
  const [organisations, pending, users, scenarios, pendingInvitations, auditEvents] = await Promise.all([
    db.organisation.count(),
    db.organisation.count({ where: { verified: false, rejectedAt: null } }),
    db.user.count(),
    db.scenario.count(),
    db.invitation.count({ where: { acceptedAt: null, expiresAt: { gt: now } } }),
    db.auditEvent.count(),
  ]);
  return { organisations, pending, users, scenarios, pendingInvitations, auditEvents };
}
