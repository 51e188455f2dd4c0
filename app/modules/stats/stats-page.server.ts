import type { Locale } from "~/utils/i18n";
import { translator } from "~/utils/i18n";
import { chartSvg } from "./chart-svg.server";
import { computeStats } from "./stats.server";
import { STAT_TABLES, statTable, type StatTableId } from "./stats-tables";

/** What the /stats page shows: the numbers, and each table with its server-drawn chart. */
export async function statsPage(locale: Locale, now = new Date()) {
  const stats = await computeStats(now);
  const t = translator(locale);
  const tables = STAT_TABLES.map((id) => {
    const table = statTable(stats, id, t, locale);
    return { ...table, svg: chartSvg(table) };
  });
  return { stats, tables };
}

export async function statsCsvTable(id: StatTableId, locale: Locale, now = new Date()) {
  return statTable(await computeStats(now), id, translator(locale), locale);
}

export function isStatTable(value: string | undefined): value is StatTableId {
  return STAT_TABLES.some((id) => id === value);
}
