import { redirect } from "@remix-run/node";
import type { OrgType, Role } from "~/generated/prisma/enums";
import type { RequestContext } from "~/modules/audit/audit.server";
import { clientIp } from "~/modules/accounts/rate-limit.server";
import { LOGIN_REQUIRED_HEADER } from "./data-request.server";
import { db } from "./db.server";
import { readSessionToken, validateSessionToken } from "./session.server";

export type MembershipInfo = { orgId: string; role: Role; org: { id: string; name: string; type: OrgType; verified: boolean } };
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  locale: string;
  memberships: MembershipInfo[];
  session: { id: string; renewed: boolean; expiresAt: Date };
  /** Where this request came from, recorded with every audit event the user causes. */
  context: RequestContext;
};

const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

async function loadUser(request: Request): Promise<CurrentUser | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true, email: true, name: true, emailVerifiedAt: true, locale: true, disabledAt: true,
      memberships: {
        select: { orgId: true, role: true, org: { select: { id: true, name: true, type: true, verified: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  // A disabled account's sessions are deleted when it is disabled; this refuses one created in a race.
  if (!user || user.disabledAt) return null;
  return {
    id: user.id, email: user.email, name: user.name, locale: user.locale,
    emailVerified: user.emailVerifiedAt != null,
    memberships: user.memberships,
    session: { id: session.id, renewed: session.renewed, expiresAt: session.expiresAt },
    context: { ip: clientIp(request), userAgent: request.headers.get("User-Agent") },
  };
}

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadUser(request);
    cache.set(request, pending);
  }
  return pending;
}

/** Every guard sends a signed-out visitor to the login page through this one redirect. */
export function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  // The header lets a data request answer 401 instead of single fetch's 202 (data-request.server.ts).
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers: { [LOGIN_REQUIRED_HEADER]: "1" } });
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) loginRedirect(request);
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getCurrentUser(request)) throw redirect("/dashboard");
}

export function forbidden(): never {
  throw new Response("error.forbidden", { status: 403 });
}

export function membershipsWithRole(user: CurrentUser | null, role: Role): MembershipInfo[] {
  return user?.memberships.filter((m) => m.role === role) ?? [];
}

export function hasRole(user: CurrentUser | null, role: Role): boolean {
  return membershipsWithRole(user, role).length > 0;
}

// A user holding the role in several organisations acts for the one named by ?org=, else the first.
export async function requireRole(request: Request, role: Role): Promise<CurrentUser & { membership: MembershipInfo }> {
  const user = await requireUser(request);
  const memberships = membershipsWithRole(user, role);
  if (memberships.length === 0) forbidden();
  const wanted = new URL(request.url).searchParams.get("org");
  const membership = memberships.find((m) => m.orgId === wanted) ?? memberships[0]!;
  return { ...user, membership };
}

export async function requireMembership(request: Request, orgId: string, role: Role): Promise<CurrentUser & { membership: MembershipInfo }> {
  const user = await requireUser(request);
  const membership = user.memberships.find((m) => m.orgId === orgId && m.role === role);
  if (!membership) forbidden();
  return { ...user, membership };
}

type ScenarioRef = { departmentId: string; status: string };
export type Action = "scenario.create" | "scenario.edit" | "scenario.manage" | "scenario.viewDraft" | "org.verify" | "invitation.create" | "audit.view" | "evaluator.manage" | "orgLink.manage" | "mail.manage" | "user.manage" | "jobs.manage";

// The rules in one table; routes call requirePermission, templates call can() only to hide buttons.
export function can(user: CurrentUser | null, action: Action, entity?: ScenarioRef): boolean {
  if (!user) return false;
  const officerOf = (orgId: string) => user.memberships.some((m) => m.role === "officer" && m.orgId === orgId);
  switch (action) {
    case "scenario.create":
      return hasRole(user, "officer");
    case "scenario.edit":
      return !!entity && entity.status === "draft" && officerOf(entity.departmentId);
    case "scenario.manage":
    case "scenario.viewDraft":
      return !!entity && officerOf(entity.departmentId);
    case "org.verify":
    case "invitation.create":
    case "audit.view":
    case "evaluator.manage": // the evaluator pool: profiles, affiliations, capacity
    case "orgLink.manage": // links between organisations that conflict detection follows
    case "mail.manage": // failed and dead-lettered mail, retried by hand
    case "user.manage": // disable and enable accounts, change a membership's role
    case "jobs.manage": // background job queues, failed jobs retried by hand
      return hasRole(user, "admin");
  }
}

export function requirePermission(user: CurrentUser, action: Action, entity?: ScenarioRef): void {
  if (!can(user, action, entity)) forbidden();
}

export function homeFor(user: CurrentUser): string {
  if (hasRole(user, "admin")) return "/admin";
  if (hasRole(user, "officer")) return "/department";
  if (hasRole(user, "evaluator")) return "/evaluator";
  return "/vendor";
}
