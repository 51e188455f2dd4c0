import type { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { OrgType, Role } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { AppError } from "~/utils/errors.server";
import { hashToken, randomToken } from "~/utils/crypto.server";
import type { Locale } from "~/utils/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { organisationMatching } from "~/modules/organisations/organisation-match";
import { queueMail } from "~/modules/notifications/mail.server";
import { hashPassword } from "./passwords.server";
import type { ColleagueInvitationSchema, InvitationSchema } from "./schemas";

const INVITE_TTL_MS = 7 * 86_400_000;
// Which roles a membership of each kind of organisation may hold (invitations and the admin console).
export const ROLE_FOR_ORG: Record<string, Role[]> = {
  department: ["officer"],
  platform: ["admin", "evaluator"],
  vendor: ["vendor_member", "evaluator"],
  institute: ["vendor_member", "evaluator"],
};
// The role a colleague gets when a member of the organisation invites them.
export const MEMBER_ROLE_FOR_ORG: Partial<Record<OrgType, Role>> = { department: "officer", vendor: "vendor_member", institute: "vendor_member" };

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  officer: { zh: "发榜部门工作人员", en: "Department officer" },
  vendor_member: { zh: "揭榜单位成员", en: "Vendor member" },
  evaluator: { zh: "评审专家", en: "Evaluator" },
  admin: { zh: "平台运营", en: "Platform operator" },
};

export async function createInvitation(
  invitedBy: { id: string; name: string },
  input: z.infer<typeof InvitationSchema>,
  locale: Locale,
): Promise<{ id: string; acceptUrl: string }> {
  const org = await db.organisation.findUnique({ where: { id: input.orgId }, select: { id: true, name: true, type: true } });
  if (!org) throw new AppError("v.orgUnknown", 400);
  if (!ROLE_FOR_ORG[org.type]?.includes(input.role)) throw new AppError("invite.roleOrgMismatch", 400);
  const token = randomToken();
  const acceptUrl = `${appUrl()}/invite/${token}`;
  const id = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { tokenHash: hashToken(token), email: input.email, name: input.name, orgId: org.id, role: input.role, invitedById: invitedBy.id, expiresAt: new Date(Date.now() + INVITE_TTL_MS) },
      select: { id: true },
    });
    await queueMail(tx, {
      to: input.email,
      template: "invitation",
      props: { inviterName: invitedBy.name, orgName: org.name, roleLabel: ROLE_LABELS[input.role][locale === "en" ? "en" : "zh"], acceptUrl },
      locale,
      idempotencyKey: `invitation:${invitation.id}`,
    });
    await recordAudit(tx, { actor: invitedBy, action: "invitation.create", entityId: invitation.id, orgId: org.id, data: { email: input.email, role: input.role } });
    return invitation.id;
  });
  return { id, acceptUrl };
}

export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, role: true, acceptedAt: true, expiresAt: true, org: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

// Accepting creates the account (or adds the role to an existing one) and verifies the address,
// since the link itself arrived by mail.
export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, email: true, orgId: true, role: true, acceptedAt: true, expiresAt: true } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) throw new AppError("auth.linkInvalid", 400);
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("auth.linkInvalid", 400);
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
      : await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash, emailVerifiedAt: new Date() }, select: { id: true } });
    await tx.membership.upsert({
      where: { userId_orgId_role: { userId: user.id, orgId: invitation.orgId, role: invitation.role } },
      create: { userId: user.id, orgId: invitation.orgId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, { actor: { id: user.id }, action: "invitation.accept", entityId: invitation.id, orgId: invitation.orgId, data: { role: invitation.role } });
    return user.id;
  });
}

// Joining an existing organisation is only ever granted by one of its members (or an admin):
// the inviter must hold the organisation's member role in that very organisation.
export async function inviteColleague(
  inviter: { id: string; name: string; memberships: { orgId: string; role: Role }[] },
  orgId: string,
  input: z.infer<typeof ColleagueInvitationSchema>,
  locale: Locale,
): Promise<{ id: string; acceptUrl: string }> {
  const org = await db.organisation.findUnique({ where: { id: orgId }, select: { type: true } });
  const role = org ? MEMBER_ROLE_FOR_ORG[org.type] : undefined;
  if (!role || !inviter.memberships.some((m) => m.orgId === orgId && m.role === role)) throw new AppError("error.notFound", 404);
  const already = await db.membership.findFirst({ where: { orgId, role, user: { email: input.email } }, select: { id: true } });
  if (already) throw new AppError("members.alreadyMember", 409);
  return createInvitation(inviter, { ...input, orgId, role }, locale);
}

export async function organisationMembers(orgId: string) {
  const [members, pending] = await Promise.all([
    db.membership.findMany({
      where: { orgId },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.invitation.findMany({
      where: { orgId, acceptedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, name: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
  ]);
  return { members, pending };
}

// The organisation list is a select: a page of at most this many, found by name or credit code.
export const ORG_CHOICES = 50;

/**
 * The admin's invitation page: organisations one can invite into, and invitations still open. With
 * tens of thousands of vendors a select of all of them would be megabytes; it lists those matching
 * `orgQuery` (name, English name or credit code), at most ORG_CHOICES, and how many matched.
 */
export async function invitationAdminPage(orgQuery = "", now = new Date()) {
  const q = orgQuery.trim().slice(0, 100);
  const where: Prisma.OrganisationWhereInput = {
    type: { in: ["department", "platform", "institute", "vendor"] },
    ...organisationMatching(q),
  };
  const [organisations, orgMatches, pending] = await Promise.all([
    db.organisation.findMany({ where, select: { id: true, name: true, type: true }, orderBy: [{ type: "asc" }, { name: "asc" }], take: ORG_CHOICES }),
    db.organisation.count({ where }),
    db.invitation.findMany({
      where: { acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, expiresAt: true, org: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return { organisations, orgMatches, orgQuery: q, pending };
}
