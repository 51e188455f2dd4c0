import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { ROLE_FOR_ORG } from "~/modules/accounts/invitations.server";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { UserState } from "./admin-vocabulary";
import { PAGE_SIZE, pageCount, skipFor } from "./table-params";

/**
 * Users and memberships for admins: search, disable and enable, change a membership's role. Every
 * change is audited; disabling ends the user's sessions in the same transaction, so the next request
 * of any of their browsers is signed out, and login refuses them with a message (login.server.ts).
 */

export type UserQuery = { q: string; page: number; role?: Role; state?: UserState };

export async function listUsers(query: UserQuery) {
  const where: Prisma.UserWhereInput = {
    ...(query.state === "disabled" ? { disabledAt: { not: null } } : query.state === "active" ? { disabledAt: null } : {}),
    ...(query.role ? { memberships: { some: { role: query.role } } } : {}),
    ...(query.q
      ? { OR: [
        { email: { contains: query.q, mode: "insensitive" } },
        { name: { contains: query.q, mode: "insensitive" } },
        { memberships: { some: { org: { name: { contains: query.q, mode: "insensitive" } } } } },
      ] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: {
        id: true, name: true, email: true, emailVerifiedAt: true, disabledAt: true, disabledReason: true, createdAt: true,
        memberships: { select: { id: true, role: true, org: { select: { id: true, name: true, type: true } } }, orderBy: { createdAt: "asc" } },
        _count: { select: { sessions: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: skipFor(query.page),
      take: PAGE_SIZE,
    }),
  ]);
  return {
    total, pages: pageCount(total),
    rows: rows.map((u) => ({ ...u, memberships: u.memberships.map((m) => ({ ...m, roles: ROLE_FOR_ORG[m.org.type] ?? [m.role] })) })),
  };
}

export async function disableUser(actor: AuditActor, userId: string, reason: string, now = new Date()): Promise<{ sessionsEnded: number }> {
  // An admin who disables themselves locks the platform's operators out one by one.
  if (actor.id === userId) throw new AppError("adm.users.error.self", 409);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("error.notFound", 404);
    const { count } = await tx.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: now, disabledReason: reason } });
    if (count === 0) throw new AppError("adm.users.error.alreadyDisabled", 409);
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await tx.trustedDevice.deleteMany({ where: { userId } });
    await recordAudit(tx, { actor, action: "user.disable", entityId: userId, data: { reason, sessionsEnded: sessions.count } });
    return { sessionsEnded: sessions.count };
  });
}

export async function enableUser(actor: AuditActor, userId: string, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("error.notFound", 404);
    const { count } = await tx.user.updateMany({ where: { id: userId, disabledAt: { not: null } }, data: { disabledAt: null, disabledReason: null } });
    if (count === 0) throw new AppError("adm.users.error.notDisabled", 409);
    await recordAudit(tx, { actor, action: "user.enable", entityId: userId, data: { reason } });
  });
}

/** Changes one membership's role to another the organisation's kind allows (platform: admin ↔ evaluator…). */
export async function changeMembershipRole(actor: AuditActor, membershipId: string, role: Role): Promise<void> {
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { id: membershipId }, select: { id: true, userId: true, role: true, orgId: true, org: { select: { name: true, type: true } } } });
    if (!membership) throw new AppError("error.notFound", 404);
    if (membership.role === role) throw new AppError("adm.users.error.sameRole", 409);
    if (!(ROLE_FOR_ORG[membership.org.type] ?? []).includes(role)) throw new AppError("invite.roleOrgMismatch", 400);
    if (membership.userId === actor.id && membership.role === "admin") throw new AppError("adm.users.error.self", 409);
    const duplicate = await tx.membership.findFirst({ where: { userId: membership.userId, orgId: membership.orgId, role }, select: { id: true } });
    if (duplicate) throw new AppError("adm.users.error.duplicateRole", 409);
    const { count } = await tx.membership.updateMany({ where: { id: membershipId, role: membership.role }, data: { role } });
    if (count === 0) throw new AppError("error.conflict", 409);
    await recordAudit(tx, {
      actor, action: "membership.role_change", entityId: membership.userId, orgId: membership.orgId,
      data: { membershipId, orgId: membership.orgId, orgName: membership.org.name, from: membership.role, to: role },
    });
  });
}
