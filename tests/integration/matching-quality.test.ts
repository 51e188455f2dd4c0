import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { Figures } from "../fixtures/matching-runs";
// Aliased: these are test helpers, not React hooks (the lint rule goes by the "use" prefix).
import { useAppDatabase as appDatabase } from "../setup/app-database";
import { useSearch as searchIndexes } from "../setup/search-test";

/**
 * Matching quality on the demo catalogue against the answers written down first
 * (tests/fixtures/matching-gold.ts) — the set the matcher is tuned on, so these bounds only guard
 * against a broken signal; the targets are held on data it was not tuned on (matching-holdout.test.ts).
 * The bounds sit below what the matcher measured when it was last tuned (ADR 007): scenario →
 * vendors precision 0.94, recall@5 0.75; vendor → scenarios precision 0.92, recall@5 0.81, 5 of 6
 * vendors with no open fit shown nothing.
 */
const BOUNDS = {
  scenarioToVendors: { precision: 0.85, recallAt5: 0.65 },
  vendorToScenarios: { precision: 0.8, recallAt5: 0.7, noMatch: 0.65 },
};

let figures: Figures;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const database = await appDatabase();
  const search = await searchIndexes();
  cleanup = async () => {
    await search.cleanup();
    await database.cleanup();
  };
  const { db } = (await import("../../app/utils/db.server")) as { db: PrismaClient };
  const { buildWorld, figuresOf, matcherLists } = await import("../fixtures/matching-runs");
  const world = await buildWorld(db, "seed");
  figures = figuresOf(world, await matcherLists(world));
  console.log(`[matching] demo catalogue: ${JSON.stringify(figures)}`);
}, 240_000);
afterAll(() => cleanup?.());

describe("matching quality on the demo catalogue", () => {
  it("covers at least 20 written-down answers each way", () => {
    expect(figures.scenarioToVendors.items).toBeGreaterThanOrEqual(20);
    expect(figures.vendorToScenarios.items).toBeGreaterThanOrEqual(20);
  });

  it("shows departments the vendors that could deliver a scenario", () => {
    expect(figures.scenarioToVendors.precision).toBeGreaterThanOrEqual(BOUNDS.scenarioToVendors.precision);
    expect(figures.scenarioToVendors.recallAt5).toBeGreaterThanOrEqual(BOUNDS.scenarioToVendors.recallAt5);
  });

  it("recommends vendors the open scenarios they could deliver", () => {
    expect(figures.vendorToScenarios.precision).toBeGreaterThanOrEqual(BOUNDS.vendorToScenarios.precision);
    expect(figures.vendorToScenarios.recallAt5).toBeGreaterThanOrEqual(BOUNDS.vendorToScenarios.recallAt5);
  });

  it("does not pad the list for vendors that nothing open fits", () => {
    expect(figures.vendorToScenarios.noMatch).toBeGreaterThanOrEqual(BOUNDS.vendorToScenarios.noMatch);
  });
});
