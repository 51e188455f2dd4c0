import type { Prisma } from "~/generated/prisma/client";
import { COUNTED_STATUSES } from "~/modules/proposals/proposal-status";
import { readChanges, type ScenarioSnapshot } from "~/modules/scenarios/scenario-diff";
import { contentSelect, snapshotOfRow } from "~/modules/scenarios/scenario-selects.server";
import { isPublic } from "~/modules/scenarios/scenario-status";
import { db } from "~/utils/db.server";
import { PUBLIC_DECISION_STATUSES } from "~/modules/awards/award-decision-status";
import type { RankingRow } from "~/modules/awards/award-queries.server";
import type { PartyOrg } from "./ocds-parties";

// Everything the OCDS mapping may read about one scenario, and nothing else: no proposal is selected
// (only a count once the call has closed, and the awarded organisations once delivery started), no user, no contact person of the department.
// Snapshots do hold the scenario's contact fields; the mapping (ocds-tender.ts) never reads them.

export const ocdsScenarioSelect = {
  ...contentSelect,
  id: true, code: true, status: true, publishedAt: true, closedAt: true, cancelledAt: true, cancelReason: true, updatedAt: true,
  deliveryStartedAt: true, completedAt: true,
  // Published notices only (a decision the department has not yet put on notice is not public).
  awardDecisions: {
    where: { status: { in: [...PUBLIC_DECISION_STATUSES] }, noticeStartsAt: { not: null } },
    select: { round: true, status: true, ranking: true, noticeStartsAt: true, finalisedAt: true, withdrawnAt: true },
    orderBy: { round: "asc" },
  },
  // Who was awarded, for processes awarded before notices were published on the platform (imported
  // records): the organisation's public identity only, read only once the scenario is in delivery.
  proposals: { where: { status: "awarded" }, select: { org: { select: { id: true, name: true, creditCode: true, district: true } } }, orderBy: { createdAt: "asc" } },
  // Name, dates and status of each milestone; never its evidence, deliverable text or files.
  milestones: { select: { id: true, orgId: true, position: true, name: true, dueAt: true, status: true, decidedAt: true }, orderBy: [{ orgId: "asc" }, { position: "asc" }] },
  department: { select: { id: true, name: true, nameEn: true, creditCode: true, district: true } },
  versions: { select: { version: true, snapshot: true, changes: true, material: true, note: true, createdAt: true }, orderBy: { version: "asc" } },
  _count: { select: { questions: { where: { answeredAt: { not: null } } } } },
} satisfies Prisma.ScenarioSelect;

type Row = Prisma.ScenarioGetPayload<{ select: typeof ocdsScenarioSelect }>;

export type OcdsVersion = { version: number; snapshot: ScenarioSnapshot; changedFields: string[]; material: boolean; note: string; at: Date };

export type OcdsDecision = {
  round: number; status: "in_notice" | "final" | "withdrawn"; noticeStartsAt: Date; finalisedAt: Date | null; withdrawnAt: Date | null;
  /** The winning organisations as the notice names them. */
  winners: PartyOrg[];
};
export type OcdsMilestoneRow = Row["milestones"][number];

export type OcdsSource = {
  code: string;
  status: Row["status"];
  publishedAt: Date;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  updatedAt: Date;
  department: Row["department"];
  versions: OcdsVersion[];
  answeredQuestions: number;
  /** Proposals handed in and not withdrawn; null while they are sealed (the call has not closed). */
  tenderers: number | null;
  decisions: OcdsDecision[];
  /** The awarded organisations when no published notice names them (see afterTenderReleases). */
  awardedWithoutNotice: PartyOrg[];
  deliveryStartedAt: Date | null;
  completedAt: Date | null;
  milestones: OcdsMilestoneRow[];
};

function toSource(row: Row, tenderers: number | null, orgs: Map<string, PartyOrg>): OcdsSource {
  const decisions = row.awardDecisions.map((d) => ({
    round: d.round, status: d.status as OcdsDecision["status"], noticeStartsAt: d.noticeStartsAt!, finalisedAt: d.finalisedAt, withdrawnAt: d.withdrawnAt,
    winners: (d.ranking as RankingRow[]).filter((r) => r.winner).map((r) => orgs.get(r.orgId) ?? { id: r.orgId, name: r.orgName, creditCode: null, district: null }),
  }));
  const stored = row.versions.map((v) => ({
    version: v.version, snapshot: v.snapshot as ScenarioSnapshot, changedFields: readChanges(v.changes).map((c) => c.field),
    material: v.material, note: v.note, at: v.createdAt,
  }));
  // A listing written without a version history (imports, fixtures) publishes what it says now.
  const versions = stored.length
    ? stored
    : [{ version: 1, snapshot: snapshotOfRow(row), changedFields: [], material: false, note: "", at: row.publishedAt! }];
  return {
    code: row.code, status: row.status, publishedAt: row.publishedAt!, closedAt: row.closedAt, cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason, updatedAt: row.updatedAt, department: row.department, versions,
    answeredQuestions: row._count.questions, tenderers, decisions,
    awardedWithoutNotice: row.deliveryStartedAt && !decisions.some((d) => d.status === "final") ? row.proposals.map((p) => p.org) : [],
    deliveryStartedAt: row.deliveryStartedAt, completedAt: row.completedAt, milestones: row.milestones,
  };
}

/** The number of tenderers is public once the call has closed (the sealing rule's deadline); before, not even a count. */
async function countTenderers(rows: Row[]): Promise<Map<string, number>> {
  const closed = rows.filter((r) => r.closedAt != null).map((r) => r.id);
  if (!closed.length) return new Map();
  const grouped = await db.proposal.groupBy({
    by: ["scenarioId"], where: { scenarioId: { in: closed }, status: { in: [...COUNTED_STATUSES] } }, _count: { _all: true },
  });
  const counts = new Map(grouped.map((g) => [g.scenarioId, g._count._all]));
  return new Map(closed.map((id) => [id, counts.get(id) ?? 0]));
}

/** The public identity (name, credit code, district) of every organisation a published notice names as a winner. */
async function winningOrgs(rows: Row[]): Promise<Map<string, PartyOrg>> {
  const ids = [...new Set(rows.flatMap((r) => r.awardDecisions.flatMap((d) => (d.ranking as RankingRow[]).filter((x) => x.winner).map((x) => x.orgId))))];
  if (!ids.length) return new Map();
  const orgs = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, creditCode: true, district: true } });
  return new Map(orgs.map((o) => [o.id, o]));
}

async function toSources(rows: Row[]): Promise<OcdsSource[]> {
  const publicRows = rows.filter(isPublic);
  const counts = await countTenderers(publicRows);
  const orgs = await winningOrgs(publicRows);
  return publicRows.map((r) => toSource(r, counts.get(r.id) ?? null, orgs));
}

/** One public scenario by code, or null (unknown, or a draft: drafts are not published data). */
export async function loadOcdsSource(code: string): Promise<OcdsSource | null> {
  const row = await db.scenario.findUnique({ where: { code }, select: ocdsScenarioSelect });
  return row ? ((await toSources([row]))[0] ?? null) : null;
}

/**
 * Public scenarios that may hold a release dated after `since`, in publication order, `take` at a
 * time after `skip`. A scenario's releases are all dated at or after its publication and at or
 * before its last change, so one that has not changed since `since` holds none.
 */
export async function loadOcdsSourcesChangedSince(since: Date | null, skip: number, take: number): Promise<OcdsSource[]> {
  const rows = await db.scenario.findMany({
    where: {
      publishedAt: { not: null }, status: { not: "draft" },
      // Notices and milestone decisions are dated on their own rows, not always on the scenario's.
      ...(since ? { OR: [
        { updatedAt: { gte: since } },
        { awardDecisions: { some: { OR: [{ noticeStartsAt: { gte: since } }, { finalisedAt: { gte: since } }, { withdrawnAt: { gte: since } }] } } },
        { milestones: { some: { OR: [{ decidedAt: { gte: since } }, { dueAt: { gte: since } }] } } },
      ] } : {}),
    },
    select: ocdsScenarioSelect,
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip, take,
  });
  return toSources(rows);
}
