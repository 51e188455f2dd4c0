import { median as middle } from "../../app/modules/stats/aggregate";

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number(sorted[rank]!.toFixed(2));
}

/** The statistics page's median, to two decimals as the benchmarks print figures (0 for no values). */
export function median(values: number[]): number {
  return Number((middle(values) ?? 0).toFixed(2));
}

export function printTable(result: {
  data: { scenarios: number; vendors: number };
  reindexSeconds: number;
  rawFloorSeconds?: { appSettings: number; defaults: number; documents: number };
  reindexOverFloor?: number;
  reindexRounds?: { reindex: number; floor: number; ratio: number; loadAverage: number }[];
  appSettingsOverDefaults?: number;
  loadAverage?: number[];
  queries: number;
  concurrency: number;
  rawMeilisearchMs: { median: number; p95: number };
  appHttpMs: { median: number; p95: number };
  ratioMedian: number;
  ratioP95: number;
}): void {
  console.log("");
  console.log(`Search benchmark — ${result.data.scenarios} scenarios, ${result.data.vendors} vendor profiles`);
  for (const [i, r] of (result.reindexRounds ?? []).entries()) {
    console.log(`round ${i + 1} (load average ${r.loadAverage}): full reindex ${r.reindex} s, floor with the app's settings ${r.floor} s, ratio ${r.ratio}`);
  }
  console.log(`full reindex, median: ${result.reindexSeconds} s`);
  if (result.rawFloorSeconds) {
    const f = result.rawFloorSeconds;
    console.log(`raw Meilisearch floor (${f.documents} documents, all indexes): ${f.appSettings} s with the app's settings (median), ${f.defaults} s with the defaults`);
    console.log(`reindex / floor with app settings, median of the rounds: ${result.reindexOverFloor}; app settings / defaults: ${result.appSettingsOverDefaults}; load average ${result.loadAverage?.join(" ")}`);
  }
  console.log(`${result.queries} queries, ${result.concurrency} concurrent clients`);
  console.log("| measure | median ms | p95 ms |");
  console.log("|---|---|---|");
  console.log(`| (a) raw Meilisearch search | ${result.rawMeilisearchMs.median} | ${result.rawMeilisearchMs.p95} |`);
  console.log(`| (b) app search page over HTTP | ${result.appHttpMs.median} | ${result.appHttpMs.p95} |`);
  console.log(`| ratio b/a | ${result.ratioMedian} | ${result.ratioP95} |`);
  console.log("");
}
