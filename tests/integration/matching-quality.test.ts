import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureQuality, type QualityReport } from "../fixtures/matching-eval";
import { matchingWorld, type MatchingWorld } from "../fixtures/matching-setup";

/**
 * Matching quality on the demo catalogue against the answers written down first
 * (tests/fixtures/matching-gold.ts). Prints precision@5 both ways and writes them to
 * tests/bench/results/matching-quality.json. The bounds sit below what the matcher measured when
 * it was written (scenario→vendors 0.753, vendor→scenarios 0.892), so wording tweaks do not fail the
 * build but a broken signal (text recall, the floor, the scoring) does.
 */
const MIN_SCENARIO_TO_VENDORS = 0.6;
const MIN_VENDOR_TO_SCENARIOS = 0.7;
/** Recommendations in total for the six vendors no open listing fits (measured: 1). */
const MAX_NO_FIT_SHOWN = 6;

let world: MatchingWorld;
let report: QualityReport;

beforeAll(async () => {
  world = await matchingWorld();
  const { vendorsForScenario } = await import("../../search/matching/vendors-for-scenario.server");
  const { scenariosForVendor } = await import("../../search/matching/scenarios-for-vendor.server");
  report = await measureQuality({
    async vendorsFor(code) {
      const result = await vendorsForScenario(world.scenarioId(code));
      if (result.status !== "ok") throw new Error("search unavailable");
      return result.matches.map((m) => world.vendorKey(m.item.id));
    },
    async scenariosFor(key) {
      const result = await scenariosForVendor(world.vendorId(key));
      if (result.status !== "ok") throw new Error("search unavailable");
      return result.matches.map((m) => world.scenarioCode(m.item.id));
    },
  });
  const { RELEVANCE_FLOOR, WEIGHTS } = await import("../../search/matching/score");
  const file = path.resolve("tests", "bench", "results", "matching-quality.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), floor: RELEVANCE_FLOOR, weights: WEIGHTS, ...report }, null, 2));
  console.log(
    `[matching] precision@5 scenario→vendors ${report.scenarioToVendors.precisionAt5} (${report.scenarioToVendors.pairs} scenarios, plain hits/5 ${report.scenarioToVendors.plainPrecisionAt5}); ` +
      `vendor→scenarios ${report.vendorToScenarios.precisionAt5} (${report.vendorToScenarios.pairs} vendors, plain ${report.vendorToScenarios.plainPrecisionAt5}) → ${path.relative(process.cwd(), file)}`,
  );
}, 180_000);
afterAll(() => world?.cleanup());

describe("matching quality on the demo catalogue", () => {
  it("covers at least 20 written-down pairs each way", () => {
    expect(report.scenarioToVendors.pairs).toBeGreaterThanOrEqual(20);
    expect(report.vendorToScenarios.pairs).toBeGreaterThanOrEqual(20);
  });

  it("finds the vendors that could deliver a scenario", () => {
    expect(report.scenarioToVendors.precisionAt5).toBeGreaterThanOrEqual(MIN_SCENARIO_TO_VENDORS);
  });

  it("recommends the open scenarios a vendor could deliver", () => {
    expect(report.vendorToScenarios.precisionAt5).toBeGreaterThanOrEqual(MIN_VENDOR_TO_SCENARIOS);
  });

  it("does not pad the list for vendors that nothing open fits", () => {
    const shown = Object.values(report.noFitVendorsShown).reduce((a, b) => a + b, 0);
    expect(shown).toBeLessThanOrEqual(MAX_NO_FIT_SHOWN);
  });
});
