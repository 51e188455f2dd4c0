import { db } from "~/utils/db.server";
import { briefCache } from "~/utils/brief-cache.server";

export type HomeStats = { open: number; departments: number; vendors: number; delivered: number };

// Four counts the home page shows to everyone; a minute old is fine, so each web process asks the
// database at most once a minute instead of on every view.
const HOME_STATS_TTL_MS = 60_000;

export async function countHomeStats(): Promise<HomeStats> {
  const [open, departments, vendors, delivered] = await Promise.all([
    db.scenario.count({ where: { status: "published" } }),
    db.organisation.count({ where: { type: "department" } }),
    db.organisation.count({ where: { type: { in: ["vendor", "institute"] } } }),
    db.scenario.count({ where: { status: "completed" } }),
  ]);
  return { open, departments, vendors, delivered };
}

const cached = briefCache(HOME_STATS_TTL_MS, countHomeStats);

export function homeStats(): Promise<HomeStats> {
  return cached.get();
}
