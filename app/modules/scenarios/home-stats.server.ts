import { db } from "~/utils/db.server";
import { briefCache } from "~/utils/brief-cache.server";
import { DELIVERED_STATUS, OPEN_STATUS } from "./scenario-status";

export type HomeStats = { open: number; departments: number; vendors: number; delivered: number };

// Four counts the home page shows to everyone; a minute old is fine, so each web process asks the
// database at most once a minute instead of on every view.
const HOME_STATS_TTL_MS = 60_000;

export async function countHomeStats(): Promise<HomeStats> {
  const [open, departments, vendors, delivered] = await Promise.all([
    db.scenario.count({ where: { status: OPEN_STATUS } }),
    db.organisation.count({ where: { type: "department" } }),
    // Only verified organisations speak on the public home page (ADR 011).
    db.organisation.count({ where: { type: { in: ["vendor", "institute"] }, verified: true } }),
    db.scenario.count({ where: { status: DELIVERED_STATUS } }),
  ]);
  return { open, departments, vendors, delivered };
}

const cached = briefCache(HOME_STATS_TTL_MS, countHomeStats);

export function homeStats(): Promise<HomeStats> {
  return cached.get();
}
