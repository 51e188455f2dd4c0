import { db } from "../../app/utils/db.server";
import { INDEXES } from "../client.server";
import { PROFILE_ORG_TYPES } from "../documents";
import { explainPair } from "./explain";
import { inList, quote, recall } from "./recall.server";
import { rankAboveFloor, scoreMatch } from "./score";
import { windowQueries } from "./text";
import { guarded } from "./unavailable.server";
import type { Match, MatchResult } from "./types";

/** A likely vendor or institute as the department's scenario page shows it. */
export type LikelyVendor = {
  id: string; name: string; type: string; verified: boolean;
  sectors: string[]; techTags: string[];
};

export const MAX_LIKELY_VENDORS = 10;
const MAX_QUERIES = 16;

/** The queries a listing is searched with: short windows over its title, then its summary. */
export function listingQueries(scenario: { title: string; summary: string }): string[] {
  return windowQueries([scenario.title, scenario.summary], MAX_QUERIES);
}

/**
 * Vendors and institutes most likely to deliver a scenario, best first, none below the floor.
 * Works for any status (a department may look before publishing). Verified organisations get the
 * small bonus described in score.ts.
 */
export async function vendorsForScenario(scenarioId: string, options: { limit?: number } = {}): Promise<MatchResult<LikelyVendor>> {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: { id: true, title: true, summary: true, description: true, sector: true, techTags: true, district: true },
  });
  if (!scenario) return { status: "ok", matches: [], belowFloor: 0 };

  const evidence = await guarded(() =>
    recall({
      indexUid: INDEXES.vendors,
      queries: listingQueries(scenario),
      structuredFilter: [`sectors = ${quote(scenario.sector)}`, inList("techTags", scenario.techTags)].filter(Boolean).join(" OR "),
      termFields: ["products", "intro", "pastCases"],
    }),
  );
  if (!evidence) return { status: "unavailable" };

  const rows = await db.organisation.findMany({
    where: { id: { in: [...evidence.keys()] }, type: { in: [...PROFILE_ORG_TYPES] } },
    select: {
      id: true, name: true, type: true, verified: true, sectors: true, techTags: true, districts: true, district: true,
      pastCases: { select: { title: true, sector: true, year: true, summary: true }, orderBy: { year: "desc" } },
    },
  });

  const scored: Match<LikelyVendor>[] = rows.map((row) => {
    const text = evidence.get(row.id)!;
    const districts = [...new Set([...(row.district ? [row.district] : []), ...row.districts])];
    const explanation = explainPair(scenario, { ...row, districts }, text);
    const score = scoreMatch({ explanation, hits: text.hits, listingTagCount: scenario.techTags.length, verified: row.verified });
    const item: LikelyVendor = { id: row.id, name: row.name, type: row.type, verified: row.verified, sectors: row.sectors, techTags: row.techTags };
    return { item, explanation, score };
  });
  const { shown, belowFloor } = rankAboveFloor(scored, options.limit ?? MAX_LIKELY_VENDORS);
  return { status: "ok", matches: shown, belowFloor };
}
