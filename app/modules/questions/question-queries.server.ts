import type { Prisma } from "~/generated/prisma/client";
import type { ScenarioStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { membershipsWithRole, type CurrentUser } from "~/utils/permissions.server";

// Three views of the same rows, each with its own select so the asker's organisation can only
// leave the database in the department's view.

const publicSelect = { id: true, body: true, answer: true, createdAt: true, answeredAt: true } satisfies Prisma.QuestionSelect;

type PublicRow = Prisma.QuestionGetPayload<{ select: typeof publicSelect }>;

function toView(row: PublicRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null };
}
export type QuestionView = ReturnType<typeof toView>;

/** Answered questions of a scenario, for everyone — never with the asking organisation. */
export async function listAnsweredQuestions(scenarioId: string): Promise<QuestionView[]> {
  const rows = await db.question.findMany({
    where: { scenarioId, answeredAt: { not: null } },
    select: publicSelect,
    orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toView);
}

/** The vendor's organisation sees its own questions still waiting for an answer. */
export async function listOwnPendingQuestions(scenarioId: string, orgId: string): Promise<QuestionView[]> {
  const rows = await db.question.findMany({
    where: { scenarioId, orgId, answeredAt: null },
    select: publicSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toView);
}

/** The owning department sees every question with the asking organisation; pending ones first. */
export async function listDepartmentQuestions(scenarioId: string, departmentId: string) {
  const rows = await db.question.findMany({
    where: { scenarioId, scenario: { departmentId } },
    select: { ...publicSelect, org: { select: { id: true, name: true } }, askedBy: { select: { name: true } } },
    orderBy: [{ answeredAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({ ...toView(r), org: r.org, askerName: r.askedBy.name }));
}
export type DepartmentQuestion = Awaited<ReturnType<typeof listDepartmentQuestions>>[number];

export function countPendingQuestions(scenarioId: string, departmentId: string): Promise<number> {
  return db.question.count({ where: { scenarioId, answeredAt: null, scenario: { departmentId } } });
}

type ScenarioForQa = { id: string; status: ScenarioStatus; deadline: string | Date };

/**
 * Everything the Q&A section of the public scenario page needs for this viewer: the public
 * answers, the viewer's organisation's pending questions, whether it may ask, and whether it follows.
 */
export async function getScenarioQa(scenario: ScenarioForQa, user: CurrentUser | null, now = new Date()) {
  const vendor = membershipsWithRole(user, "vendor_member").find((m) => m.org.type === "vendor" || m.org.type === "institute") ?? null;
  const open = scenario.status === "published" && new Date(scenario.deadline).getTime() > now.getTime();
  const [answered, pending, interest] = await Promise.all([
    listAnsweredQuestions(scenario.id),
    vendor ? listOwnPendingQuestions(scenario.id, vendor.orgId) : Promise.resolve([]),
    vendor
      ? db.scenarioInterest.findUnique({ where: { orgId_scenarioId: { orgId: vendor.orgId, scenarioId: scenario.id } }, select: { orgId: true } })
      : Promise.resolve(null),
  ]);
  return {
    answered,
    pending,
    open,
    // null: not a vendor (anonymous, officer, evaluator) — the page shows no form and no follow button.
    vendor: vendor ? { orgName: vendor.org.name, following: interest != null, canAsk: open } : null,
    signedIn: user != null,
  };
}
export type ScenarioQa = Awaited<ReturnType<typeof getScenarioQa>>;

/** Just enough of a scenario, by public code, to guard the Q&A and follow actions. */
export function getScenarioRefByCode(code: string) {
  return db.scenario.findUnique({ where: { code }, select: { id: true, code: true, status: true, publishedAt: true } });
}
