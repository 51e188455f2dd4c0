import type { StatTable } from "./stats-tables";

/**
 * A chart as an SVG string, drawn on the server with ECharts' SSR SVG renderer (ADR 010), so it
 * shows without JavaScript. ECharts escapes the text it draws (organisation names come from users).
 * The SVG is an image named by its title; the table beside it carries the same numbers for
 * assistive technology, so the drawing's own text is hidden from it.
 */
const PALETTE = ["#1d4e89", "#b3261e", "#1b6e3a", "#8a5a00", "#6b4fa0"];

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// ECharts takes about 0.9 s to load, in every web process at start if imported statically; only the
// statistics page draws with it, so it loads on that page's first visit.
let loaded: Promise<typeof import("echarts")> | undefined;
const loadEcharts = () => (loaded ??= import("echarts"));

export async function chartSvg(table: StatTable, width = 720): Promise<string | null> {
  if (!table.chart || table.chart.categories.length === 0) return null;
  const echarts = await loadEcharts();
  const { categories, series, horizontal } = table.chart;
  const height = horizontal ? Math.max(200, 60 + categories.length * (series.length > 1 ? 44 : 28)) : 320;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    const category = { type: "category" as const, data: categories, axisLabel: { width: 150, overflow: "truncate" as const, interval: 0 }, inverse: horizontal };
    const value = { type: "value" as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
      legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
      grid: { left: horizontal ? 160 : 48, right: 24, top: series.length > 1 ? 40 : 16, bottom: horizontal ? 24 : 48 },
      xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: horizontal ? category : value,
      series: series.map((s) => ({ type: "bar" as const, name: s.name, data: s.data, label: { show: series.length === 1, position: horizontal ? "right" as const : "top" as const } })),
    });
    const svg = chart.renderToSVGString();
    return svg.replace("<svg ", `<svg role="img" aria-label="${escapeAttribute(table.title)}" focusable="false" `);
  } finally {
    chart.dispose();
  }
}
