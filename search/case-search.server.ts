import { INDEXES, meili } from "./client.server";
import type { CaseDoc } from "./documents";
import { withFallback } from "./db-fallback.server";
import { db } from "../app/utils/db.server";

/**
 * The public list of delivered cases (典型案例), searched in the Meilisearch cases index (Chinese and
 * English, typo tolerance, synonyms) or, when the index cannot answer, in the database.
 */
export type CaseHit = {
  code: string; title: string; titleEn: string; summary: string; sector: string; district: string;
  departmentName: string; vendorNames: string[]; completedAt: number;
};

export type CaseSearchResult = { mode: "search" | "fallback"; hits: CaseHit[]; total: number };

const RETRIEVE = ["code", "title", "titleEn", "summary", "sector", "district", "departmentName", "vendorNames", "completedAt"];
export const CASES_PAGE_SIZE = 50;

export async function searchCases(q: string): Promise<CaseSearchResult> {
  return withFallback("cases", async () => {
    const result = await meili().index<CaseDoc>(INDEXES.cases).search(q, {
      attributesToRetrieve: RETRIEVE, limit: CASES_PAGE_SIZE, ...(q ? {} : { sort: ["completedAt:desc"] }),
    });
    return { mode: "search" as const, hits: result.hits as unknown as CaseHit[], total: result.estimatedTotalHits ?? result.hits.length };
  }, () => fallbackCases(q));
}

async function fallbackCases(q: string): Promise<CaseSearchResult> {
  const text = q.trim();
  const rows = await db.scenario.findMany({
    where: {
      status: "completed", deliveredCase: { isNot: null },
      ...(text ? { OR: [{ title: { contains: text, mode: "insensitive" } }, { summary: { contains: text, mode: "insensitive" } }, { titleEn: { contains: text, mode: "insensitive" } }] } : {}),
    },
    select: {
      code: true, title: true, titleEn: true, summary: true, sector: true, district: true, completedAt: true, updatedAt: true,
      department: { select: { name: true } }, deliveredCase: { select: { pastCases: { select: { org: { select: { name: true } } } } } },
    },
    orderBy: { completedAt: "desc" },
    take: CASES_PAGE_SIZE,
  });
  const hits = rows.map((r) => ({
    code: r.code, title: r.title, titleEn: r.titleEn ?? "", summary: r.summary, sector: r.sector, district: r.district,
    departmentName: r.department.name, vendorNames: r.deliveredCase?.pastCases.map((p) => p.org.name) ?? [],
    completedAt: Math.floor((r.completedAt ?? r.updatedAt).getTime() / 1000),
  }));
  return { mode: "fallback", hits, total: hits.length };
}
