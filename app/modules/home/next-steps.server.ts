import type { CurrentUser } from "~/utils/permissions.server";
import { hasRole } from "~/utils/permissions.server";
import { db } from "~/utils/db.server";
import { ACTIVE_ASSIGNMENT_STATUSES } from "~/modules/evaluation/assignment-status";
import { OPEN_STATUS } from "~/modules/scenarios/scenario-status";

// "What should I do next" for a signed-in visitor of the home page: the few things that have a
// deadline or someone waiting, each a link to where it is done. Every query is scoped to the
// user's own organisations or assignments.

const TAKE = 5;

export type NextStep = {
  kind: "draftDue" | "questionToAnswer" | "evaluationToAccept" | "evaluationDue" | "orgToVerify";
  href: string;
  title: string;
  titleEn: string | null;
  code: string | null;
  /** The date that makes it urgent (deadline, due date) or when it was asked. */
  at: string | null;
};

function orgIds(user: CurrentUser, role: "vendor_member" | "officer"): string[] {
  return user.memberships.filter((m) => m.role === role).map((m) => m.orgId);
}

/** Proposal drafts of the user's organisations whose call is still open, the nearest deadline first. */
async function draftsDue(user: CurrentUser, now: Date): Promise<NextStep[]> {
  const orgs = orgIds(user, "vendor_member");
  if (orgs.length === 0) return [];
  const rows = await db.proposal.findMany({
    where: { orgId: { in: orgs }, status: "draft", scenario: { status: OPEN_STATUS, deadline: { gt: now } } },
    orderBy: { scenario: { deadline: "asc" } },
    take: TAKE,
    select: { scenario: { select: { code: true, title: true, titleEn: true, deadline: true } } },
  });
  return rows.map(({ scenario: s }) => ({
    kind: "draftDue", href: `/vendor/proposals/${s.code}`, title: s.title, titleEn: s.titleEn, code: s.code, at: s.deadline.toISOString(),
  }));
}

/** Unanswered questions on the department's scenarios, the oldest first. */
async function questionsToAnswer(user: CurrentUser): Promise<NextStep[]> {
  const orgs = orgIds(user, "officer");
  if (orgs.length === 0) return [];
  const rows = await db.question.findMany({
    where: { answeredAt: null, scenario: { departmentId: { in: orgs } } },
    orderBy: { createdAt: "asc" },
    take: TAKE,
    select: { createdAt: true, scenario: { select: { id: true, code: true, title: true, titleEn: true } } },
  });
  return rows.map(({ scenario: s, createdAt }) => ({
    kind: "questionToAnswer", href: `/department/scenarios/${s.id}/questions`, title: s.title, titleEn: s.titleEn, code: s.code, at: createdAt.toISOString(),
  }));
}

/** The expert's standing assignments: to accept, or to score before the due date. */
async function evaluations(user: CurrentUser): Promise<NextStep[]> {
  if (!hasRole(user, "evaluator")) return [];
  const rows = await db.evaluationAssignment.findMany({
    where: { evaluatorId: user.id, status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } },
    orderBy: { dueAt: "asc" },
    take: TAKE,
    select: { id: true, status: true, dueAt: true, scenario: { select: { code: true, title: true, titleEn: true } } },
  });
  return rows.map((a) => ({
    kind: a.status === "invited" ? "evaluationToAccept" : "evaluationDue",
    href: `/evaluator/assignments/${a.id}`, title: a.scenario.title, titleEn: a.scenario.titleEn, code: a.scenario.code, at: a.dueAt.toISOString(),
  }));
}

/** For the platform operator: self-registered organisations waiting for verification. */
async function organisationsToVerify(user: CurrentUser): Promise<NextStep[]> {
  if (!hasRole(user, "admin")) return [];
  const rows = await db.organisation.findMany({
    where: { verified: false, type: { in: ["vendor", "institute"] } },
    orderBy: { createdAt: "asc" },
    take: TAKE,
    select: { name: true, nameEn: true, createdAt: true },
  });
  return rows.map((o) => ({ kind: "orgToVerify", href: "/admin/organisations", title: o.name, titleEn: o.nameEn, code: null, at: o.createdAt.toISOString() }));
}

export async function nextSteps(user: CurrentUser, now = new Date()): Promise<NextStep[]> {
  const lists = await Promise.all([draftsDue(user, now), questionsToAnswer(user), evaluations(user), organisationsToVerify(user)]);
  return lists.flat();
}
