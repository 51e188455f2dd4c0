import { db } from "~/utils/db.server";

/** A scenario that belongs in digests of a window: open, and published or materially amended in it. */
export type DigestCandidate = {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  sector: string;
  departmentName: string;
  departmentNameEn: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: Date;
  /** Its publication, or its latest material amendment in the window: what "newest first" sorts by. */
  changedAt: Date;
  amended: boolean;
};

const select = {
  id: true, code: true, title: true, titleEn: true, sector: true, budgetMin: true, budgetMax: true, deadline: true, publishedAt: true,
  department: { select: { name: true, nameEn: true } },
} as const;

type Row = {
  id: string; code: string; title: string; titleEn: string | null; sector: string; budgetMin: bigint | null; budgetMax: bigint | null;
  deadline: Date; publishedAt: Date | null; department: { name: string; nameEn: string | null };
};

function candidate(row: Row, changedAt: Date, amended: boolean): DigestCandidate {
  return {
    id: row.id, code: row.code, title: row.title, titleEn: row.titleEn, sector: row.sector,
    departmentName: row.department.name, departmentNameEn: row.department.nameEn,
    budgetMin: row.budgetMin == null ? null : Number(row.budgetMin), budgetMax: row.budgetMax == null ? null : Number(row.budgetMax),
    deadline: row.deadline, changedAt, amended,
  };
}

/**
 * The window's candidates (start exclusive, end inclusive), from the database — the source of truth.
 * Two indexed range reads: scenarios published in the window (Scenario status+publishedAt) and the
 * material amendments made in it (ScenarioVersion createdAt); only listings still open at `now` count.
 */
export async function candidatesInWindow(start: Date, end: Date, now: Date): Promise<Map<string, DigestCandidate>> {
  const open = { status: "published" as const, deadline: { gt: now } };
  const [published, amendments] = await Promise.all([
    db.scenario.findMany({ where: { ...open, publishedAt: { gt: start, lte: end } }, select }),
    db.scenarioVersion.findMany({
      where: { material: true, createdAt: { gt: start, lte: end }, scenario: open },
      select: { scenarioId: true, createdAt: true },
    }),
  ]);
  const latestAmendment = new Map<string, Date>();
  for (const a of amendments) {
    const seen = latestAmendment.get(a.scenarioId);
    if (!seen || seen < a.createdAt) latestAmendment.set(a.scenarioId, a.createdAt);
  }
  const out = new Map<string, DigestCandidate>();
  for (const row of published) {
    const amendedAt = latestAmendment.get(row.id);
    // New in this window: it is news as a publication, whatever was amended since.
    out.set(row.id, candidate(row, amendedAt && amendedAt > row.publishedAt! ? amendedAt : row.publishedAt!, false));
  }
  const onlyAmended = [...latestAmendment.keys()].filter((id) => !out.has(id));
  if (onlyAmended.length > 0) {
    const rows = await db.scenario.findMany({ where: { id: { in: onlyAmended } }, select });
    for (const row of rows) out.set(row.id, candidate(row, latestAmendment.get(row.id)!, true));
  }
  return out;
}
