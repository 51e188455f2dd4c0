import { briefCache } from "~/utils/brief-cache.server";
import type { Locale } from "~/utils/i18n";
import { translator } from "~/utils/i18n";
import { chartSvg } from "./chart-svg.server";
import { computeStats, type PublicStats } from "./stats.server";
import { STAT_TABLES, statTable, type StatTableId } from "./stats-tables";

/**
 * The figures are computed from every public scenario: seconds with a hundred thousand of them. They
 * move slowly, so one snapshot serves the page in both languages and the CSV downloads, for a minute;
 * after that a reader still gets the last snapshot at once while the next is computed behind it (for
 * up to 15 minutes; older, the reader waits for a new one). The page says when its figures were taken.
 * Drawing the eight charts takes a few hundred milliseconds of CPU (ADR 010), so each language's
 * drawn page is kept with the snapshot it was drawn from.
 */
export const STATS_CACHE_MS = 60_000;
const STATS_STALE_MS = 15 * 60_000;
const snapshot = briefCache(STATS_CACHE_MS, () => computeStats(new Date()), undefined, { staleMs: STATS_STALE_MS });
const drawn = new Map<Locale, { stats: PublicStats; page: Promise<StatsPage> }>();

type StatsPage = Awaited<ReturnType<typeof drawStatsPage>>;

export async function statsPage(locale: Locale): Promise<StatsPage> {
  const stats = await snapshot.get();
  const kept = drawn.get(locale);
  if (kept?.stats === stats) return kept.page;
  const page = drawStatsPage(stats, locale);
  drawn.set(locale, { stats, page });
  page.catch(() => drawn.delete(locale));
  return page;
}

/** What the /stats page shows: the numbers, and each table with its server-drawn chart. */
async function drawStatsPage(stats: PublicStats, locale: Locale) {
  const t = translator(locale);
  const tables = await Promise.all(STAT_TABLES.map(async (id) => {
    const table = statTable(stats, id, t, locale);
    return { ...table, svg: await chartSvg(table) };
  }));
  return { stats, tables };
}

export async function statsCsvTable(id: StatTableId, locale: Locale) {
  return statTable(await snapshot.get(), id, translator(locale), locale);
}

export function isStatTable(value: string | undefined): value is StatTableId {
  return STAT_TABLES.some((id) => id === value);
}
