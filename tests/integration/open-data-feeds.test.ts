import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTORS } from "../../app/modules/scenarios/catalog";
import { useAppDatabase } from "../setup/app-database";
import { ROUTES, getText } from "../fixtures/open-data-calls";

// The Atom feeds of the demo data, read with a real feed parser; what they list is computed here
// straight from the database.

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
const publicWhere = { publishedAt: { not: null }, status: { not: "draft" } } as const;

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  await (await import("../../prisma/seed")).seedDemoData(db);
}, 300_000);
afterAll(async () => {
  await cleanup?.();
});

async function feed(route: string, url: string, params: Record<string, string> = {}) {
  const response = await getText(route, url, params);
  expect(response.status, url).toBe(200);
  expect(response.type).toBe("application/atom+xml; charset=utf-8");
  return { parsed: parseFeed(response.text), xml: response.text };
}

const feedId = (xml: string) => /<feed[^>]*>\s*<id>([^<]+)<\/id>/.exec(xml)?.[1];

describe("the feed of newly published scenarios", () => {
  it("is Atom, lists the 50 newest public scenarios newest first, with tag: ids, dates and links", async () => {
    const { parsed, xml } = await feed(ROUTES.feedAll, "/feeds/scenarios.atom");
    expect(parsed.meta.type).toBe("atom");
    expect(parsed.title).toBe("揭榜：新发布的场景");
    expect(parsed.self).toBe("http://jiebang.test/feeds/scenarios.atom");
    expect(feedId(xml)).toBe("tag:jiebang.test,2025:feeds/scenarios");
    const expected = await db.scenario.findMany({ where: publicWhere, select: { code: true, publishedAt: true }, orderBy: [{ publishedAt: "desc" }, { code: "desc" }], take: 50 });
    expect(expected.length).toBeGreaterThan(20);
    expect(parsed.items.map((i) => i.id)).toEqual(expected.map((s) => `tag:jiebang.test,2025:scenario/${s.code}`));
    expect(parsed.items.map((i) => i.url)).toEqual(expected.map((s) => `http://jiebang.test/scenarios/${s.code}`));
    for (const [n, item] of parsed.items.entries()) {
      expect(item.published?.toISOString()).toBe(expected[n]!.publishedAt!.toISOString());
      expect(item.updated!.getTime()).toBeGreaterThanOrEqual(item.published!.getTime());
      expect(item.authors[0]?.name).toBeTruthy();
    }
    expect(parsed.updated?.toISOString()).toBe(new Date(Math.max(...parsed.items.map((i) => i.updated!.getTime()))).toISOString());
    const drafts = await db.scenario.findMany({ where: { status: "draft" }, select: { code: true } });
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(xml).not.toContain(d.code);
  });

  it("is stable: two readings are identical, and an amended scenario's entry is updated at its last amendment", async () => {
    const first = await getText(ROUTES.feedAll, "/feeds/scenarios.atom");
    const second = await getText(ROUTES.feedAll, "/feeds/scenarios.atom");
    expect(second.text).toBe(first.text);
    const amended = await db.scenarioVersion.findFirstOrThrow({
      where: { version: { gt: 1 }, scenario: { status: { not: "cancelled" } } }, orderBy: { createdAt: "desc" },
      select: { createdAt: true, scenario: { select: { code: true, publishedAt: true } } },
    });
    const item = parseFeed(first.text).items.find((i) => i.id?.endsWith(`/${amended.scenario.code}`));
    if (item) {
      expect(item.updated?.toISOString()).toBe(amended.createdAt.toISOString());
      expect(item.published?.toISOString()).toBe(amended.scenario.publishedAt!.toISOString());
    }
  });

  it("?lang=en gives English titles under its own feed id; an unknown language is a 400", async () => {
    const { parsed, xml } = await feed(ROUTES.feedAll, "/feeds/scenarios.atom?lang=en");
    expect(parsed.language).toBe("en");
    expect(feedId(xml)).toBe("tag:jiebang.test,2025:feeds/scenarios/en");
    const withEnglish = await db.scenario.findFirstOrThrow({ where: { ...publicWhere, titleEn: { not: null }, status: "published" }, orderBy: { publishedAt: "desc" }, select: { code: true, titleEn: true } });
    const item = parsed.items.find((i) => i.id?.endsWith(`/${withEnglish.code}`));
    if (item) expect(item.title).toBe(withEnglish.titleEn);
    const bad = await getText(ROUTES.feedAll, "/feeds/scenarios.atom?lang=fr");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("lang");
  });
});

describe("per-sector and per-department feeds", () => {
  it("a sector's feed lists exactly that sector's public scenarios", async () => {
    const grouped = await db.scenario.groupBy({ by: ["sector"], where: publicWhere, _count: { _all: true }, orderBy: { _count: { sector: "desc" } } });
    const sector = grouped[0]!.sector;
    const { parsed, xml } = await feed(ROUTES.feedSector, `/feeds/sectors/${sector}/scenarios.atom`, { sector });
    const expected = await db.scenario.findMany({ where: { ...publicWhere, sector }, select: { code: true }, orderBy: [{ publishedAt: "desc" }, { code: "desc" }] });
    expect(parsed.items.map((i) => i.id)).toEqual(expected.map((s) => `tag:jiebang.test,2025:scenario/${s.code}`));
    for (const item of parsed.items) expect(item.categories.map((c) => c.term)).toEqual([sector]);
    expect(feedId(xml)).toBe(`tag:jiebang.test,2025:feeds/scenarios/sector/${sector}`);
    expect(parsed.self).toBe(`http://jiebang.test/feeds/sectors/${sector}/scenarios.atom`);
    // Every catalogue sector has a feed, empty or not; one outside the catalogue does not.
    for (const s of SECTORS) expect((await getText(ROUTES.feedSector, "/x", { sector: s.key })).status).toBe(200);
    expect((await getText(ROUTES.feedSector, "/x", { sector: "nonsense" })).status).toBe(404);
  });

  it("a department's feed lists exactly that department's public scenarios; a vendor or unknown id is a 404", async () => {
    const department = await db.organisation.findFirstOrThrow({ where: { type: "department", scenarios: { some: publicWhere } }, select: { id: true, name: true } });
    const { parsed } = await feed(ROUTES.feedDepartment, `/feeds/departments/${department.id}/scenarios.atom`, { id: department.id });
    const expected = await db.scenario.findMany({ where: { ...publicWhere, departmentId: department.id }, select: { code: true }, orderBy: [{ publishedAt: "desc" }, { code: "desc" }] });
    expect(parsed.items.map((i) => i.id)).toEqual(expected.map((s) => `tag:jiebang.test,2025:scenario/${s.code}`));
    expect(parsed.title).toBe(`揭榜：${department.name}新发布的场景`);
    const vendor = await db.organisation.findFirstOrThrow({ where: { type: "vendor" }, select: { id: true } });
    expect((await getText(ROUTES.feedDepartment, "/x", { id: vendor.id })).status).toBe(404);
    expect((await getText(ROUTES.feedDepartment, "/x", { id: "nobody" })).status).toBe(404);
  });
});

describe("the feed of awards", () => {
  it("lists each final award decision newest first, linked to its notice, naming the notice's winners; a running notice is not in it", async () => {
    const { parsed, xml } = await feed(ROUTES.feedAwards, "/feeds/awards.atom");
    expect(parsed.meta.type).toBe("atom");
    expect(parsed.title).toBe("揭榜：定标结果");
    expect(parsed.self).toBe("http://jiebang.test/feeds/awards.atom");
    expect(feedId(xml)).toBe("tag:jiebang.test,2025:feeds/awards");
    const expected = await db.awardDecision.findMany({
      where: { status: "final", finalisedAt: { not: null }, noticeStartsAt: { not: null } },
      select: { round: true, ranking: true, finalisedAt: true, scenario: { select: { code: true } } },
      orderBy: [{ finalisedAt: "desc" }, { scenarioId: "desc" }], take: 50,
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(parsed.items.map((i) => i.id)).toEqual(expected.map((d) => `tag:jiebang.test,2025:award/${d.scenario.code}/${d.round}`));
    expect(parsed.items.map((i) => i.url)).toEqual(expected.map((d) => `http://jiebang.test/notices/${d.scenario.code}`));
    for (const [n, item] of parsed.items.entries()) {
      expect(item.updated?.toISOString()).toBe(expected[n]!.finalisedAt!.toISOString());
      for (const w of (expected[n]!.ranking as { orgName: string; winner: boolean }[]).filter((r) => r.winner)) expect(item.description).toContain(w.orgName);
    }
    expect(parsed.updated?.toISOString()).toBe(expected[0]!.finalisedAt!.toISOString());
    const running = await db.awardDecision.findMany({ where: { status: "in_notice" }, select: { scenario: { select: { code: true } } } });
    expect(running.length).toBeGreaterThan(0);
    for (const r of running) expect(xml).not.toContain(`award/${r.scenario.code}/`);
  });

  it("?lang=en has its own id and English titles; a bad language is a 400", async () => {
    const { parsed, xml } = await feed(ROUTES.feedAwards, "/feeds/awards.atom?lang=en");
    expect(parsed.title).toBe("Jiebang: awards");
    expect(feedId(xml)).toBe("tag:jiebang.test,2025:feeds/awards/en");
    expect(parsed.items.every((i) => i.title?.startsWith("[Awarded] "))).toBe(true);
    expect((await getText(ROUTES.feedAwards, "/feeds/awards.atom?lang=fr")).status).toBe(400);
  });
});

