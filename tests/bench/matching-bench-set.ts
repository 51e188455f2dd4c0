import fs from "node:fs";
import { baselineLists, buildWorld, figuresOf, matcherLists } from "../fixtures/matching-runs";
import { DEV_SET } from "../fixtures/matching-sets/dev";
import { HOLDOUT_SET } from "../fixtures/matching-sets/holdout";

// One evaluation set in its own database and indexes (set up by matching-bench.ts, which passes
// DATABASE_URL, MEILI_* and the set's name): both matchers' lists and figures, written as JSON.
const SETS = { seed: "seed", dev: DEV_SET, "held-out": HOLDOUT_SET } as const;

async function main() {
  const name = process.env.BENCH_SET as keyof typeof SETS;
  const out = process.env.BENCH_OUT;
  if (!(name in SETS) || !out) throw new Error("BENCH_SET (seed | dev | held-out) and BENCH_OUT are required");
  const { db } = await import("../../app/utils/db.server");
  try {
    const world = await buildWorld(db, SETS[name]);
    const started = performance.now();
    const matcher = await matcherLists(world);
    const matcherMs = performance.now() - started;
    const baseline = await baselineLists(world, db);
    const pairs = Object.keys(world.answers.scenarioToVendors).length + Object.keys(world.answers.vendorToScenarios).length;
    fs.writeFileSync(out, JSON.stringify({
      set: world.name,
      scenarios: Object.keys(world.answers.scenarioToVendors).length,
      vendors: Object.keys(world.answers.vendorToScenarios).length,
      matcherMsPerList: Number((matcherMs / pairs).toFixed(1)),
      matcher: figuresOf(world, matcher),
      baseline: figuresOf(world, baseline),
      matcherUnexplained: matcher.unexplained ?? [],
      lists: { matcher, baseline },
      answers: world.answers,
    }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
