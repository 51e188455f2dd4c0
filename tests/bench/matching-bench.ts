import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import { prisma, tsx } from "../../app/server/run-command";
import { startEmbeddedMeilisearch } from "../../search/embedded-meilisearch";
import type { Figures } from "../fixtures/matching-runs";
import type { DirectionFigures } from "../fixtures/matching-metrics";

// `npm run bench:matching`: the matcher and plain Meilisearch keyword search on three evaluation
// sets — the demo catalogue's written answers (seed), the dev set and the held-out set — each in its
// own database and indexes on embedded services. Prints the table and writes
// tests/bench/results/matching.json. The held-out targets are asserted by
// tests/integration/matching-holdout.test.ts; this script only measures.
const dataDir = path.resolve(".data-bench-matching");
const SETS = ["seed", "dev", "held-out"] as const;

type SetResult = {
  set: string; scenarios: number; vendors: number; matcherMsPerList: number; matcher: Figures; baseline: Figures;
  /** Matches shown with no shared word and no similar case (only sector, tags, district); absent before ADR 007. */
  matcherUnexplained?: string[];
};

const f = (n: number | null) => (n == null ? "—" : n.toFixed(2));
const pct = (n: number | null) => (n == null ? "—" : `${Math.round(n * 100)}%`);

function row(set: string, direction: string, who: string, d: DirectionFigures): string {
  const english = d.englishOnly ? `${d.englishOnly.found}/${d.englishOnly.of}` : "—";
  return `| ${set} | ${direction} | ${who} | ${f(d.precision)} | ${f(d.recallAt5)} | ${f(d.mrr)} | ${pct(d.noMatch)} | ${pct(d.catchAllTop5)} | ${english} |`;
}

export function table(results: SetResult[]): string {
  const lines = [
    "| set | direction | matcher | precision of list shown | recall@5 | MRR | correct \"no match\" | catch-all in top 5 | English-only pairs found |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    for (const [direction, label] of [["scenarioToVendors", "scenario → vendors"], ["vendorToScenarios", "vendor → scenarios"]] as const) {
      lines.push(row(r.set, label, "matcher", r.matcher[direction]));
      lines.push(row(r.set, label, "keyword baseline", r.baseline[direction]));
    }
  }
  return lines.join("\n");
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true });
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(dataDir, "meilisearch"), masterKey: "bench-matching-master-key-0123" });
  try {
    const results: SetResult[] = [];
    for (const set of SETS) {
      const database = `matching_${set.replace(/\W/g, "_")}`;
      await postgres.createDatabase(database);
      const url = postgres.urlFor(database);
      await prisma(["migrate", "deploy"], url);
      const out = path.join(os.tmpdir(), `jiebang-matching-${process.pid}-${set}.json`);
      await tsx("tests/bench/matching-bench-set.ts", {
        DATABASE_URL: url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey,
        MEILI_INDEX_PREFIX: `${database}_`, BENCH_SET: set, BENCH_OUT: out,
      }, true);
      results.push(JSON.parse(fs.readFileSync(out, "utf8")) as SetResult);
      fs.rmSync(out, { force: true });
      console.log(`[bench] ${set}: ${results.at(-1)!.scenarios} scenarios, ${results.at(-1)!.vendors} profiles measured`);
    }
    console.log("");
    console.log("Matching — the app's matcher vs plain Meilisearch keyword search (first 5 hits), same indexes, same run");
    console.log(table(results));
    console.log("");
    for (const r of results) {
      const unexplained = r.matcherUnexplained?.length ?? 0;
      console.log(`${r.set}: ${unexplained} shown match(es) explained only by sector, tags or district; ${r.matcherMsPerList} ms per list`);
    }
    console.log("");
    const file = path.resolve("tests", "bench", "results", "matching.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, sets: results }, null, 2));
    console.log(`[bench] written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await meili.stop();
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error);
  process.exitCode = 1;
});
