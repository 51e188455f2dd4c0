import type { RankingRow } from "~/modules/awards/award-queries.server";
import { AppError } from "~/utils/errors.server";
import { db } from "~/utils/db.server";

// 公开结果：each awarded scenario once, by its final award decision, newest first. Only what the public
// notice shows (the winners' names) and the scenario's public budget; the amount is the call's budget, as
// in the OCDS export: the winners' requested budgets stay their business information.

export const RESULTS_PAGE_SIZE = 20;

/** ?page= as a positive integer; anything else is a 400 with a message. */
export function resultsPage(params: URLSearchParams): number {
  const raw = params.get("page");
  if (raw == null || raw === "") return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new AppError("rs.bad.page", 400);
  return Number(raw);
}

export async function listResults(page: number) {
  const where = { status: "final" as const, finalisedAt: { not: null }, noticeStartsAt: { not: null } };
  const [total, rows] = await Promise.all([
    db.awardDecision.count({ where }),
    db.awardDecision.findMany({
      where,
      select: {
        id: true, round: true, ranking: true, finalisedAt: true,
        scenario: {
          select: {
            id: true, code: true, title: true, titleEn: true, mechanism: true, raceTeams: true, budgetMin: true, budgetMax: true,
            department: { select: { name: true, nameEn: true } },
          },
        },
      },
      orderBy: [{ finalisedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * RESULTS_PAGE_SIZE,
      take: RESULTS_PAGE_SIZE,
    }),
  ]);
  // Objections decided across every round of the listed scenarios (never who filed them).
  const outcomes = await db.objection.groupBy({
    by: ["scenarioId", "status"], where: { scenarioId: { in: rows.map((r) => r.scenario.id) }, status: { in: ["upheld", "dismissed"] } }, _count: { _all: true },
  });
  const countOf = (scenarioId: string, status: "upheld" | "dismissed") =>
    outcomes.find((o) => o.scenarioId === scenarioId && o.status === status)?._count._all ?? 0;
  const pages = Math.max(1, Math.ceil(total / RESULTS_PAGE_SIZE));
  if (page > pages) throw new AppError("error.notFound", 404);
  return {
    page, pages, total,
    results: rows.map(({ scenario: s, ...d }) => ({
      id: d.id, code: s.code, title: s.title, titleEn: s.titleEn, mechanism: s.mechanism, raceTeams: s.raceTeams,
      department: s.department.name, departmentEn: s.department.nameEn,
      winners: (d.ranking as RankingRow[]).filter((r) => r.winner).map((r) => r.orgName),
      amount: s.budgetMax != null ? Number(s.budgetMax) : s.budgetMin != null ? Number(s.budgetMin) : null,
      awardedAt: d.finalisedAt!.toISOString(),
      upheld: countOf(s.id, "upheld"), dismissed: countOf(s.id, "dismissed"),
    })),
  };
}
