import { DISTRICTS, MECHANISMS, SECTORS, label } from "~/modules/scenarios/catalog";
import type { Locale, Translate } from "~/utils/i18n";
import type { Dimension } from "./aggregate";
import type { PublicStats } from "./stats.server";
import { STAGES } from "./stages";

/**
 * Every chart's data as a table in the reader's language: the page shows it beside the chart (the
 * accessible form of the same numbers), the CSV download is the same table, and the chart draws it.
 */
export const STAT_TABLES = ["stages", "sector", "district", "department", "mechanism", "quarter", "proposals", "targets"] as const;
export type StatTableId = (typeof STAT_TABLES)[number];

export type StatTable = {
  id: StatTableId; title: string; header: string[]; rows: (string | number)[][];
  /** What the chart draws: category labels and one series per stage (or one series). */
  chart: { categories: string[]; series: { name: string; data: number[] }[]; horizontal: boolean } | null;
};

function dimensionLabel(stats: PublicStats, dimension: Dimension, key: string, locale: Locale): string {
  switch (dimension) {
    case "sector": return label(SECTORS, key, locale);
    case "district": return label(DISTRICTS, key, locale);
    case "mechanism": return label(MECHANISMS, key, locale);
    case "department": return stats.departments[key] ?? key;
    case "quarter": return key;
  }
}

const yuanWan = (yuan: number) => Math.round(yuan / 100) / 100; // 万元, two decimals

export function statTable(stats: PublicStats, id: StatTableId, t: Translate, locale: Locale): StatTable {
  const stageNames = STAGES.map((s) => t(`st.stage.${s}`));
  if (id === "stages") {
    const data = STAGES.map((s) => stats.totals[s]);
    return {
      id, title: t("st.chart.stages"), header: [t("st.col.stage"), t("st.col.scenarios")],
      rows: STAGES.map((s, i) => [stageNames[i]!, data[i]!]),
      chart: { categories: stageNames, series: [{ name: t("st.col.scenarios"), data }], horizontal: false },
    };
  }
  if (id === "proposals") {
    const p = stats.proposals;
    return {
      id, title: t("st.chart.proposals"), header: [t("st.col.proposalBand"), t("st.col.scenarios")],
      rows: p.bands.map((b) => [t("st.band", { n: b.key }), b.scenarios]),
      chart: { categories: p.bands.map((b) => t("st.band", { n: b.key })), series: [{ name: t("st.col.scenarios"), data: p.bands.map((b) => b.scenarios) }], horizontal: false },
    };
  }
  if (id === "targets") {
    return {
      id, title: t("st.chart.targets"),
      header: [t("st.col.target"), t("st.col.figure"), t("st.col.measure"), t("st.col.actual"), t("st.col.percent"), t("st.col.by"), t("st.col.source")],
      rows: stats.targets.map((g) => [
        t(`st.target.${g.id}` as never), g.figure, t(`st.stage.${g.measure}`), g.actual, g.percent, g.by,
        `${locale === "en" ? g.source.en : g.source.zh} · ${locale === "en" ? g.source.issuer.en : g.source.issuer.zh}${g.source.docNo ? ` · ${g.source.docNo}` : ""} · ${g.source.date}`,
      ]),
      chart: {
        categories: stats.targets.map((g) => t(`st.target.${g.id}` as never)),
        series: [{ name: t("st.col.actual"), data: stats.targets.map((g) => g.actual) }, { name: t("st.col.figure"), data: stats.targets.map((g) => g.figure) }],
        horizontal: true,
      },
    };
  }
  const rows = stats.groups[id];
  const names = rows.map((r) => dimensionLabel(stats, id, r.key, locale));
  return {
    id, title: t(`st.chart.${id}`),
    header: [t(`st.dim.${id}`), ...stageNames, t("st.col.budgetWan")],
    rows: rows.map((r, i) => [names[i]!, ...STAGES.map((s) => r.counts[s]), yuanWan(r.budget)]),
    chart: { categories: names, series: STAGES.map((s, i) => ({ name: stageNames[i]!, data: rows.map((r) => r.counts[s]) })), horizontal: id !== "quarter" },
  };
}
