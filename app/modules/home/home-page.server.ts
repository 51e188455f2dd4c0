import { db } from "~/utils/db.server";
import { SECTORS } from "~/modules/scenarios/catalog";
import { listSelect } from "~/modules/scenarios/scenario-selects.server";
import { toListItem } from "~/modules/scenarios/scenario-queries.server";
import { DELIVERED_STATUS, OPEN_STATUS, RESULT_STATUSES } from "~/modules/scenarios/scenario-status";

// What the public home page shows: a few of each list, so it stays one fast page on a phone.
const LIST_SIZE = 4;

/** Open calls still before their deadline, the soonest first. */
function closingSoon(now: Date) {
  return db.scenario.findMany({
    where: { status: OPEN_STATUS, deadline: { gt: now } },
    orderBy: [{ deadline: "asc" }, { code: "asc" }],
    take: LIST_SIZE,
    select: listSelect,
  });
}

/** The newest open calls; those already in "closing soon" are left out so the page never repeats one. */
function newest(now: Date, exclude: string[]) {
  return db.scenario.findMany({
    where: { status: OPEN_STATUS, deadline: { gt: now }, id: { notIn: exclude } },
    orderBy: [{ publishedAt: "desc" }, { code: "desc" }],
    take: LIST_SIZE,
    select: listSelect,
  });
}

/** Open calls per sector, every sector of the catalogue in its order (an empty one shows 0). */
async function sectorCounts(now: Date) {
  const groups = await db.scenario.groupBy({ by: ["sector"], where: { status: OPEN_STATUS, deadline: { gt: now } }, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.sector, g._count._all]));
  return SECTORS.map((s) => ({ key: s.key, count: counts.get(s.key) ?? 0 }));
}

/** Awarded, in delivery or delivered, the latest change first. */
function recentResults() {
  return db.scenario.findMany({
    where: { status: { in: [...RESULT_STATUSES] }, publishedAt: { not: null } },
    orderBy: [{ updatedAt: "desc" }, { code: "asc" }],
    take: LIST_SIZE,
    select: listSelect,
  });
}

/** Cases vendors list in their profiles; only verified organisations speak on the public home page. */
function recentCases() {
  return db.pastCase.findMany({
    where: { org: { verified: true, type: { in: ["vendor", "institute"] } } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    take: LIST_SIZE,
    select: { id: true, title: true, sector: true, year: true, summary: true, org: { select: { id: true, name: true, nameEn: true } } },
  });
}

export async function homePage(now = new Date()) {
  const soon = await closingSoon(now);
  const [fresh, sectors, results, cases, open, departments, vendors, delivered] = await Promise.all([
    newest(now, soon.map((s) => s.id)),
    sectorCounts(now),
    recentResults(),
    recentCases(),
    db.scenario.count({ where: { status: OPEN_STATUS } }),
    db.organisation.count({ where: { type: "department" } }),
    db.organisation.count({ where: { type: { in: ["vendor", "institute"] }, verified: true } }),
    db.scenario.count({ where: { status: DELIVERED_STATUS } }),
  ]);
  return {
    closingSoon: soon.map(toListItem),
    newest: fresh.map(toListItem),
    sectors,
    results: results.map(toListItem),
    cases,
    stats: { open, departments, vendors, delivered },
  };
}

export type HomePage = Awaited<ReturnType<typeof homePage>>;
