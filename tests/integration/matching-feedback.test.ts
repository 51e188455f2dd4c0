import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchingWorld, type MatchingWorld } from "../fixtures/matching-setup";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// "Not relevant" feedback, directed listings, the verified bonus, degradation, and the vendor
// home's action, against the demo catalogue in real Postgres and Meilisearch.
let world: MatchingWorld;
let forVendor: typeof import("../../search/matching/scenarios-for-vendor.server")["scenariosForVendor"];
let forScenario: typeof import("../../search/matching/vendors-for-scenario.server")["vendorsForScenario"];
let feedback: typeof import("../../search/matching/feedback.server");
let route: typeof import("../../app/routes/vendor._index");

beforeAll(async () => {
  world = await matchingWorld();
  forVendor = (await import("../../search/matching/scenarios-for-vendor.server")).scenariosForVendor;
  forScenario = (await import("../../search/matching/vendors-for-scenario.server")).vendorsForScenario;
  feedback = await import("../../search/matching/feedback.server");
  route = await import("../../app/routes/vendor._index");
}, 180_000);
afterAll(() => world?.cleanup());

async function codesFor(vendorKey: string) {
  const result = await forVendor(world.vendorId(vendorKey));
  if (result.status !== "ok") throw new Error("search unavailable");
  return result.matches.map((m) => ({ code: world.scenarioCode(m.item.id), score: m.score }));
}

describe("not relevant", () => {
  it("hides the listing for that organisation only and down-weights similar ones", async () => {
    const before = await codesFor("zhisuan");
    expect(before.map((m) => m.code)).toEqual(expect.arrayContaining(["HA-2026-0004", "ZZ-2026-0004"]));
    const similarBefore = before.find((m) => m.code === "ZZ-2026-0004")!.score;

    const userId = (await createUser(world.db, "vendor", { orgId: world.vendorId("zhisuan") })).id;
    await feedback.markNotRelevant({ orgId: world.vendorId("zhisuan"), scenarioId: world.scenarioId("HA-2026-0004"), userId });
    await feedback.markNotRelevant({ orgId: world.vendorId("zhisuan"), scenarioId: world.scenarioId("HA-2026-0004"), userId });
    expect(await world.db.recommendationFeedback.count({ where: { orgId: world.vendorId("zhisuan") } })).toBe(1);

    const after = await codesFor("zhisuan");
    expect(after.map((m) => m.code)).not.toContain("HA-2026-0004");
    // Same sector (政务服务) and overlapping tags: a strong fit stays, with a stated penalty and a lower score.
    const similarAfter = after.find((m) => m.code === "ZZ-2026-0004")!.score;
    expect(similarAfter.feedbackPenalty).toBeGreaterThan(0);
    expect(similarAfter.score).toBeLessThan(similarBefore.score);
    // Another organisation is not affected.
    expect((await codesFor("zhengzhitong")).map((m) => m.code)).toContain("HA-2026-0004");
  });

  it("refuses drafts and unknown listings with 404", async () => {
    const input = { orgId: world.vendorId("zhisuan"), userId: (await createUser(world.db, "vendor", { orgId: world.vendorId("zhisuan") })).id };
    await expect(feedback.markNotRelevant({ ...input, scenarioId: world.scenarioId("ZZ-2026-0038") })).rejects.toMatchObject({ status: 404 });
    await expect(feedback.markNotRelevant({ ...input, scenarioId: "no-such-id" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("listings' needs are analysed once per version", () => {
  it("scores an edited listing on its new text, not on what an earlier page analysed", async () => {
    const before = await forVendor(world.vendorId("zhisuan"));
    if (before.status !== "ok") throw new Error("search unavailable");
    const match = before.matches.find((m) => m.explanation.matchedTerms.length > 0 && !["HA-2026-0004", "ZZ-2026-0004", "HA-2026-0009"].includes(world.scenarioCode(m.item.id)))!;
    expect(match, "a recommended listing with matched terms").toBeDefined();
    const id = match.item.id;
    const original = await world.db.scenario.findUniqueOrThrow({ where: { id }, select: { title: true, titleEn: true, summary: true, summaryEn: true, description: true, kpis: true } });
    try {
      // Same listing, same index entry (not re-synced): only the database text changes.
      await world.db.scenario.update({ where: { id }, data: { title: "会议室预订登记", titleEn: null, summary: "登记会议室的预订。", summaryEn: null, description: "登记。", kpis: [] } });
      const after = await forVendor(world.vendorId("zhisuan"));
      if (after.status !== "ok") throw new Error("search unavailable");
      const edited = after.matches.find((m) => m.item.id === id);
      expect(edited?.explanation.matchedTerms ?? []).not.toEqual(match.explanation.matchedTerms);
      if (edited) expect(edited.score.score).toBeLessThan(match.score.score);
    } finally {
      await world.db.scenario.update({ where: { id }, data: original });
    }
  });
});

describe("who sees what", () => {
  it("offers a directed listing to its invitees only", async () => {
    const directed = "HA-2026-0009";
    expect((await codesFor("jinxin")).map((m) => m.code)).toContain(directed);
    for (const key of ["zhisuan", "zhengzhitong", "xincai_compute", "suixin"]) {
      expect((await codesFor(key)).map((m) => m.code)).not.toContain(directed);
    }
  });

  it("gives verified vendors the stated bonus, and only them", async () => {
    const result = await forScenario(world.scenarioId("ZZ-2026-0006"));
    if (result.status !== "ok") throw new Error("search unavailable");
    expect(result.matches.length).toBeGreaterThan(0);
    for (const m of result.matches) expect(m.score.verifiedBonus > 0).toBe(m.item.verified);
  });
});

describe("when Meilisearch is down", () => {
  it("reports 'unavailable' instead of failing", async () => {
    const host = process.env.MEILI_HOST;
    process.env.MEILI_HOST = "http://127.0.0.1:9"; // discard port: nothing listens
    try {
      expect(await forVendor(world.vendorId("zhisuan"))).toEqual({ status: "unavailable" });
      expect(await forScenario(world.scenarioId("ZZ-2026-0001"))).toEqual({ status: "unavailable" });
    } finally {
      process.env.MEILI_HOST = host;
    }
  });
});

describe("the vendor home's action", () => {
  async function post(body: Record<string, string>, role: "vendor" | "officer" = "vendor") {
    const user = await createUser(world.db, role, role === "vendor" ? { orgId: world.vendorId("qijian") } : {});
    const cookie = `jb_session=${sessionCookieValue(await createSessionToken(world.db, user.id))}`;
    const request = new Request("http://jiebang.test/vendor?index", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
    try {
      return (await route.action({ request, params: {}, context: {} })) as unknown as Response | { init: ResponseInit | null; data: unknown };
    } catch (thrown) {
      return thrown as Response;
    }
  }
  const status = (r: Response | { init: ResponseInit | null }) => (r instanceof Response ? r.status : (r.init?.status ?? 200));

  it("answers bad input with 400 and unknown listings with 404", async () => {
    expect(status(await post({ intent: "not-relevant" }))).toBe(400);
    expect(status(await post({ intent: "something-else", scenarioId: world.scenarioId("ZZ-2026-0003") }))).toBe(400);
    expect(status(await post({ intent: "not-relevant", scenarioId: "x".repeat(500) }))).toBe(400);
    expect(status(await post({ intent: "not-relevant", scenarioId: "nope" }))).toBe(404);
  });

  it("stores the mark for the member's own organisation and redirects back with a toast", async () => {
    const response = await post({ intent: "not-relevant", scenarioId: world.scenarioId("ZZ-2026-0003") });
    expect(status(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/vendor");
    expect((response as Response).headers.get("Set-Cookie")).toContain("jb_toast");
    const rows = await world.db.recommendationFeedback.findMany({ where: { scenarioId: world.scenarioId("ZZ-2026-0003") } });
    expect(rows.map((r) => r.orgId)).toEqual([world.vendorId("qijian")]);
  });

  it("is closed to officers", async () => {
    expect(status(await post({ intent: "not-relevant", scenarioId: world.scenarioId("ZZ-2026-0003") }, "officer"))).toBe(403);
  });
});
