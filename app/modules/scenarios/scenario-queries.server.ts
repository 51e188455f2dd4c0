import type { Prisma } from "~/generated/prisma/client";
import type { ScenarioStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { readRubric } from "./rubric";
import { readChanges } from "./scenario-diff";
import { detailSelect, listSelect, toNumber } from "./scenario-selects.server";
import { SCENARIO_STATUS_ORDER } from "./scenario-status";

export const PAGE_SIZE = 20;

export type ListRow = Prisma.ScenarioGetPayload<{ select: typeof listSelect }>;
type DetailRow = Prisma.ScenarioGetPayload<{ select: typeof detailSelect }>;

// Loaders hand these to the browser: money as numbers (BigInt is not JSON), dates as ISO strings
// so server and browser render the same text.
export function toListItem(row: ListRow) {
  return {
    ...row,
    budgetMin: toNumber(row.budgetMin),
    budgetMax: toNumber(row.budgetMax),
    deadline: row.deadline.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ScenarioListItem = ReturnType<typeof toListItem>;

function toDetail(row: DetailRow) {
  const { invitations, versions, ...rest } = row;
  return {
    ...rest,
    budgetMin: toNumber(row.budgetMin),
    budgetMax: toNumber(row.budgetMax),
    deadline: row.deadline.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    rubric: readRubric(row.rubric),
    invitedOrgs: invitations.map((i) => i.org),
    versions: versions.map((v) => ({ ...v, changes: readChanges(v.changes), createdAt: v.createdAt.toISOString() })),
  };
}
export type ScenarioDetail = ReturnType<typeof toDetail>;
export type ScenarioVersionView = ScenarioDetail["versions"][number];

function pageWindow(total: number, requested: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  return { page, pages, skip: (page - 1) * PAGE_SIZE };
}

/** A department's own scenarios, drafts included; the department id is part of every query. */
export async function listDepartmentScenarios(departmentId: string, status: ScenarioStatus | null, requestedPage: number) {
  const where = { departmentId, ...(status ? { status } : {}) } satisfies Prisma.ScenarioWhereInput;
  const [total, grouped] = await Promise.all([
    db.scenario.count({ where }),
    db.scenario.groupBy({ by: ["status"], where: { departmentId }, _count: { _all: true } }),
  ]);
  const { page, pages, skip } = pageWindow(total, requestedPage);
  const rows = await db.scenario.findMany({
    where, select: listSelect, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip, take: PAGE_SIZE,
  });
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  const counts = SCENARIO_STATUS_ORDER.map((s) => ({ status: s, count: byStatus.get(s) ?? 0 }));
  return { items: rows.map(toListItem), total, page, pages, counts, all: grouped.reduce((n, g) => n + g._count._all, 0) };
}

/** Any scenario by its public code; the route decides who may see it (drafts are private). */
export async function getScenarioByCode(code: string): Promise<ScenarioDetail | null> {
  const row = await db.scenario.findUnique({ where: { code }, select: detailSelect });
  return row ? toDetail(row) : null;
}

/** Just enough to decide permissions before loading anything else. */
export function getScenarioRef(id: string) {
  return db.scenario.findUnique({ where: { id }, select: { id: true, code: true, status: true, departmentId: true } });
}

/** The full scenario, only if it belongs to the given department. */
export async function getDepartmentScenario(id: string, departmentId: string): Promise<ScenarioDetail | null> {
  const row = await db.scenario.findFirst({ where: { id, departmentId }, select: detailSelect });
  return row ? toDetail(row) : null;
}


export function getDepartmentName(departmentId: string) {
  return db.organisation.findUnique({ where: { id: departmentId }, select: { id: true, name: true, nameEn: true } });
}
