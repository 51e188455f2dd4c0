import { db } from "../../app/utils/db.server";
import { INDEXES } from "../client.server";
import { PROFILE_ORG_TYPES } from "../documents";
import { explainPair } from "./explain";
import { dismissalsOf } from "./feedback.server";
import { quote, recall } from "./recall.server";
import { feedbackFactor, rankAboveFloor, scoreMatch } from "./score";
import { cachedNeed, rememberNeed } from "./need-cache.server";
import { capabilityOf } from "./sides.server";
import { guarded } from "./unavailable.server";
import type { Match, MatchResult, VendorFacts } from "./types";

/** A recommended listing as the vendor home shows it. */
export type RecommendedScenario = {
  id: string; code: string; title: string; titleEn: string | null; summary: string;
  sector: string; techTags: string[]; mechanism: string; district: string;
  departmentName: string;
  /** ISO string. */
  deadline: string;
};

export const MAX_RECOMMENDATIONS = 10;

/** The scenario index fields that state a need: never the department's name or label fields. */
export const SCENARIO_TEXT_FIELDS = ["title", "titleEn", "summary", "summaryEn", "description", "kpis"] as const;

const profileSelect = {
  id: true, type: true, verified: true, intro: true, introEn: true, products: true, certifications: true,
  sectors: true, techTags: true, districts: true, district: true,
  pastCases: { select: { title: true, sector: true, year: true, summary: true, deliveredCaseId: true }, orderBy: { year: "desc" as const } },
};

/**
 * Open scenarios that fit an organisation's capability profile, best first, none below the floor.
 * Directed listings (定向委托) are offered only to the organisations they invite.
 */
export async function scenariosForVendor(
  orgId: string,
  options: { now?: Date; limit?: number; within?: readonly string[] } = {},
): Promise<MatchResult<RecommendedScenario>> {
  const now = options.now ?? new Date();
  if (options.within && options.within.length === 0) return { status: "ok", matches: [], belowFloor: 0 };
  const org = await db.organisation.findUnique({ where: { id: orgId }, select: profileSelect });
  if (!org || !(PROFILE_ORG_TYPES as readonly string[]).includes(org.type)) return { status: "ok", matches: [], belowFloor: 0 };
  const dismissed = await dismissalsOf(orgId);
  const capability = capabilityOf(org);

  const candidates = await guarded(() =>
    recall({
      indexUid: INDEXES.scenarios,
      bag: capability.bag,
      searchOn: SCENARIO_TEXT_FIELDS,
      filter: [
        `status = "published" AND deadline > ${Math.floor(now.getTime() / 1000)}`,
        dismissed.ids.length > 0 ? `id NOT IN [${dismissed.ids.map(quote).join(", ")}]` : null,
        // A digest asks only about what is new: recalled among those, not among every open listing,
        // where at 100,000 listings the new ones would rarely reach the top candidates.
        options.within ? `id IN [${options.within.map(quote).join(", ")}]` : null,
      ].filter(Boolean).join(" AND "),
    }),
  );
  if (!candidates) return { status: "unavailable" };

  // The database is the source of truth: the index may lag a status change or a new invitation.
  const rows = await db.scenario.findMany({
    where: {
      id: { in: candidates, notIn: dismissed.ids },
      status: "published",
      deadline: { gt: now },
      OR: [{ mechanism: { not: "directed" } }, { invitations: { some: { orgId } } }],
    },
    select: {
      id: true, code: true, title: true, titleEn: true, summary: true,
      sector: true, techTags: true, district: true, mechanism: true, deadline: true, updatedAt: true, department: { select: { name: true } },
    },
  });
  // Each listing's need, analysed once per version: the long texts are read only for those not yet known.
  const needs = new Map(rows.map((row) => [row.id, cachedNeed(row.id, row.updatedAt)]));
  const unknown = rows.filter((row) => !needs.get(row.id)).map((row) => row.id);
  if (unknown.length > 0) {
    const texts = await db.scenario.findMany({
      where: { id: { in: unknown } },
      select: { id: true, updatedAt: true, title: true, titleEn: true, summary: true, summaryEn: true, description: true, kpis: true },
    });
    for (const { id, updatedAt, ...text } of texts) needs.set(id, rememberNeed(id, updatedAt, text));
  }

  const vendor: VendorFacts = {
    id: org.id, verified: org.verified, sectors: org.sectors, techTags: org.techTags,
    districts: [...new Set([...(org.district ? [org.district] : []), ...org.districts])],
    pastCases: org.pastCases.map(({ deliveredCaseId, ...c }) => ({ ...c, delivered: deliveredCaseId != null })),
  };
  const claims = { sectors: org.sectors.length, tags: org.techTags.length, districts: vendor.districts.length };
  // A listing deleted between the two reads has no need: it is left out.
  const scored: Match<RecommendedScenario>[] = rows.filter((row) => needs.get(row.id)).map((row) => {
    const { explanation, overlap } = explainPair(row, needs.get(row.id)!, vendor, capability);
    const score = scoreMatch({
      explanation, overlap, claims, listingTagCount: row.techTags.length,
      feedback: feedbackFactor(row, dismissed.recent),
    });
    const item: RecommendedScenario = {
      id: row.id, code: row.code, title: row.title, titleEn: row.titleEn, summary: row.summary,
      sector: row.sector, techTags: row.techTags, mechanism: row.mechanism, district: row.district,
      departmentName: row.department.name, deadline: row.deadline.toISOString(),
    };
    return { item, explanation, score };
  });
  const { shown, belowFloor } = rankAboveFloor(scored, options.limit ?? MAX_RECOMMENDATIONS);
  return { status: "ok", matches: shown, belowFloor };
}
