import type { Prisma } from "~/generated/prisma/client";
import { readRubric } from "./rubric";
import { snapshotOf, type ScenarioSnapshot } from "./scenario-diff";

// Reusable selections, typed with `satisfies` so the payload types follow the select exactly.

export const listSelect = {
  id: true, code: true, status: true, title: true, titleEn: true, summary: true, summaryEn: true,
  sector: true, techTags: true, mechanism: true, raceTeams: true, district: true,
  budgetMin: true, budgetMax: true, deadline: true, publishedAt: true, updatedAt: true,
  department: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.ScenarioSelect;

// Everything a snapshot (and so the amendment diff) is built from.
export const contentSelect = {
  title: true, titleEn: true, summary: true, summaryEn: true, description: true, sector: true, techTags: true,
  mechanism: true, raceTeams: true, district: true, needType: true, cooperationMode: true, budgetMin: true,
  budgetMax: true, paymentSchedule: true, openResources: true, kpis: true, acceptanceCriteria: true,
  eligibility: true, consortiumAllowed: true, consortiumMaxMembers: true, responsibleUnits: true,
  contactName: true, contactPhone: true, contactEmail: true, deadline: true, projectMonths: true, rubric: true,
  passMark: true, noticeDays: true, showEvaluatorNames: true, objectionContact: true,
  invitations: { select: { org: { select: { id: true, name: true, nameEn: true } } }, orderBy: { createdAt: "asc" } },
  attachments: { select: { filename: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ScenarioSelect;

export const detailSelect = {
  ...contentSelect,
  id: true, code: true, status: true, version: true, departmentId: true,
  publishedAt: true, closedAt: true, cancelledAt: true, cancelReason: true, createdAt: true, updatedAt: true,
  department: { select: { id: true, name: true, nameEn: true } },
  versions: {
    select: { id: true, version: true, changes: true, material: true, note: true, createdAt: true },
    orderBy: { version: "desc" },
  },
} satisfies Prisma.ScenarioSelect;

type ContentRow = Prisma.ScenarioGetPayload<{ select: typeof contentSelect }>;

export function snapshotOfRow(row: ContentRow): ScenarioSnapshot {
  return snapshotOf({
    ...row, rubric: readRubric(row.rubric), invitedOrgs: row.invitations.map((i) => i.org.name), attachments: row.attachments.map((a) => a.filename),
  });
}

export function toNumber(value: bigint | null): number | null {
  return value == null ? null : Number(value);
}
