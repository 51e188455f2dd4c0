import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { Figures } from "../fixtures/matching-runs";
import { HOLDOUT_SET } from "../fixtures/matching-sets/holdout";
// Aliased: these are test helpers, not React hooks (the lint rule goes by the "use" prefix).
import { useAppDatabase as appDatabase } from "../setup/app-database";
import { useSearch as searchIndexes } from "../setup/search-test";

/**
 * The matcher against the HELD-OUT set (tests/fixtures/matching-sets/holdout.ts): profiles and
 * scenarios it was never tuned on, with the right answers written before it ran, in a database and
 * indexes of their own. These are the targets matching is held to; `npm run bench:matching` prints
 * the same figures for every set next to plain keyword search.
 */
const TARGET = { precision: 0.8, recallAt5: 0.9, catchAllTop5: 0.05, noMatch: 0.8 };

let figures: Figures;
let unexplained: string[];
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
  const world = await buildWorld(db, HOLDOUT_SET);
  const lists = await matcherLists(world);
  figures = figuresOf(world, lists);
  unexplained = lists.unexplained ?? [];
  console.log(`[matching] held-out: ${JSON.stringify(figures)}`);
}, 240_000);
afterAll(() => cleanup?.());

describe("held-out set, explanations", () => {
  it("shows no match explained only by sector, tags or district", () => {
    expect(unexplained).toEqual([]);
  });
});

describe.each(["scenarioToVendors", "vendorToScenarios"] as const)("held-out set, %s", (direction) => {
  it(`shows lists at least ${TARGET.precision * 100}% right`, () => {
    expect(figures[direction].precision).toBeGreaterThanOrEqual(TARGET.precision);
  });

  it(`finds at least ${TARGET.recallAt5 * 100}% of the right answers in the first five`, () => {
    expect(figures[direction].recallAt5).toBeGreaterThanOrEqual(TARGET.recallAt5);
  });

  it("says 'no good match' when nothing fits", () => {
    expect(figures[direction].noMatch).toBeGreaterThanOrEqual(TARGET.noMatch);
  });

  it("keeps catch-all 'we do everything in AI' profiles out of the lists", () => {
    expect(figures[direction].catchAllTop5).toBeLessThanOrEqual(TARGET.catchAllTop5);
  });

  it("finds every English-only profile for the Chinese scenarios it fits", () => {
    const english = figures[direction].englishOnly!;
    expect(english.of).toBeGreaterThanOrEqual(5);
    expect(english.found).toBe(english.of);
  });
});
