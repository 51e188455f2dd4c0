import { db } from "../../app/utils/db.server";
import { INDEXES } from "../client.server";
import { PROFILE_ORG_TYPES } from "../documents";
import { explainPair } from "./explain";
import { recall } from "./recall.server";
import { rankAboveFloor, scoreMatch } from "./score";
import { capabilityOf, needOf } from "./sides.server";
import { guarded } from "./unavailable.server";
import type { Match, MatchResult } from "./types";

/** A likely vendor or institute as the department's scenario page shows it. */
export type LikelyVendor = {
  id: string; name: string; type: string; verified: boolean;
  sectors: string[]; techTags: string[];
};

export const MAX_LIKELY_VENDORS = 10;

/** The vendor index fields that state a capability: never names or label fields. */
export const VENDOR_TEXT_FIELDS = ["products", "pastCases", "intro", "introEn", "certifications"] as const;

/**
 * Vendors and institutes most likely to deliver a scenario, best first, none below the floor.
 * Works for any status (a department may look before publishing). Verified organisations get the
 * small bonus described in score.ts.
 */
export async function vendorsForScenario(scenarioId: string, options: { limit?: number } = {}): Promise<MatchResult<LikelyVendor>> {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true, title: true, titleEn: true, summary: true, summaryEn: true, description: true, kpis: true,
      sector: true, techTags: true, district: true,
    },
  });
  if (!scenario) return { status: "ok", matches: [], belowFloor: 0 };
  const need = needOf(scenario);

  const candidates = await guarded(() => recall({ indexUid: INDEXES.vendors, bag: need.bag, searchOn: VENDOR_TEXT_FIELDS }));
  if (!candidates) return { status: "unavailable" };

  const rows = await db.organisation.findMany({
    where: { id: { in: candidates }, type: { in: [...PROFILE_ORG_TYPES] } },
    select: {
      id: true, name: true, type: true, verified: true, sectors: true, techTags: true, districts: true, district: true,
      intro: true, introEn: true, products: true, certifications: true,
      pastCases: { select: { title: true, sector: true, year: true, summary: true, deliveredCaseId: true }, orderBy: { year: "desc" } },
    },
  });

  const scored: Match<LikelyVendor>[] = rows.map((raw) => {
    const row = { ...raw, pastCases: raw.pastCases.map(({ deliveredCaseId, ...c }) => ({ ...c, delivered: deliveredCaseId != null })) };
    const districts = [...new Set([...(row.district ? [row.district] : []), ...row.districts])];
    const { explanation, overlap } = explainPair(scenario, need, { ...row, districts }, capabilityOf(row));
    const score = scoreMatch({
      explanation, overlap, listingTagCount: scenario.techTags.length, verified: row.verified,
      claims: { sectors: row.sectors.length, tags: row.techTags.length, districts: districts.length },
    });
    const item: LikelyVendor = { id: row.id, name: row.name, type: row.type, verified: row.verified, sectors: row.sectors, techTags: row.techTags };
    return { item, explanation, score };
  });
  const { shown, belowFloor } = rankAboveFloor(scored, options.limit ?? MAX_LIKELY_VENDORS);
  return { status: "ok", matches: shown, belowFloor };
}
