import type { Locale } from "~/utils/i18n";
import { translator } from "~/utils/i18n";
import { chartSvg } from "./chart-svg.server";
import { computeStats } from "./stats.server";
import { STAT_TABLES, statTable, type StatTableId } from "./stats-tables";

/**
 * Drawing the eight charts takes a few hundred milliseconds of CPU (ADR 010), and the figures move
 * slowly, so each language's page is kept for a minute; the page says when its figures were taken.
 */
export const STATS_CACHE_MS = 60_000;
const cache = new Map<Locale, { at: number; page: Promise<Awaited<ReturnType<typeof buildStatsPage>>> }>();

export function statsPage(locale: Locale, now = new Date()) {
  const hit = cache.get(locale);
  if (hit && now.getTime() - hit.at < STATS_CACHE_MS && now.getTime() >= hit.at) return hit.page;
  const page = buildStatsPage(locale, now);
  cache.set(locale, { at: now.getTime(), page });
  page.catch(() => cache.delete(locale));
  return page;
}

/** What the /stats page shows: the numbers, and each table with its server-drawn chart. */
export async function buildStatsPage(locale: Locale, now = new Date()) {
  const stats = await computeStats(now);
  const t = translator(locale);
  const tables = await Promise.all(STAT_TABLES.map(async (id) => {
    const table = statTable(stats, id, t, locale);
    return { ...table, svg: await chartSvg(table) };
  }));
  return { stats, tables };
}

export async function statsCsvTable(id: StatTableId, locale: Locale, now = new Date()) {
  return statTable(await computeStats(now), id, translator(locale), locale);
}

export function isStatTable(value: string | undefined): value is StatTableId {
  return STAT_TABLES.some((id) => id === value);
}
