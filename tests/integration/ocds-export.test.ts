import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTED_STATUSES } from "../../app/modules/proposals/proposal-status";
import { useAppDatabase } from "../setup/app-database";
import { ROUTES, getJson, getText } from "../fixtures/open-data-calls";
import { RELEASE_TAGS, errorsOf, ocdsValidators } from "../fixtures/ocds-validator";

// Every OCDS export of the demo data, validated against the official OCDS 1.1 schemas; the mapping's
// promises (tags, amendments, tenderer counts only after closing) checked against the database directly.

type Release = { ocid: string; id: string; date: string; tag: string[]; tender: Record<string, unknown>; parties: { roles: string[]; name: string }[] };
type ReleasePackage = { releases: Release[]; links?: { next?: string }; publishedDate: string; uri: string };
type RecordPackage = { records: { ocid: string; releases: { url: string; date: string; tag: string[] }[]; compiledRelease: Release }[] };

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
const validators = ocdsValidators();
const PREFIX = "ocds-jiebang-";
let publicCodes: string[] = [];
const packages = new Map<string, ReleasePackage>();

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  await (await import("../../prisma/seed")).seedDemoData(db);
  const rows = await db.scenario.findMany({ where: { publishedAt: { not: null }, status: { not: "draft" } }, select: { code: true }, orderBy: { code: "asc" } });
  publicCodes = rows.map((r) => r.code);
  for (const code of publicCodes) {
    const ocid = `${PREFIX}${code}`;
    const { status, body } = await getJson<ReleasePackage>(ROUTES.releases, `/opendata/ocds/releases/${ocid}.json`, { file: `${ocid}.json` });
    expect(status, ocid).toBe(200);
    packages.set(code, body);
  }
}, 300_000);
afterAll(async () => {
  await cleanup?.();
});

describe("release packages", () => {
  it("every public scenario's release package is valid OCDS 1.1, releases in date order, tags from the codelist", () => {
    expect(publicCodes.length).toBeGreaterThan(20);
    for (const [code, pkg] of packages) {
      expect(validators.releasePackage(pkg), `${code}: ${errorsOf(validators.releasePackage)}`).toBe(true);
      expect(pkg.releases.length, code).toBeGreaterThan(0);
      expect(pkg.releases[0]!.tag, code).toEqual(["tender"]);
      const dates = pkg.releases.map((r) => r.date);
      expect([...dates].sort(), code).toEqual(dates);
      expect(new Set(pkg.releases.map((r) => r.id)).size, code).toBe(pkg.releases.length);
      for (const r of pkg.releases) {
        expect(r.ocid).toBe(`${PREFIX}${code}`);
        for (const tag of r.tag) expect(RELEASE_TAGS).toContain(tag);
        expect(r.parties[0]!.roles).toEqual(["buyer", "procuringEntity"]);
        // After the buyer, only the winners a published notice names, as suppliers.
        for (const p of r.parties.slice(1)) expect(p.roles).toEqual(["supplier"]);
      }
    }
  });

  it("the validator is not vacuous: a wrong currency, a missing release id or an unknown tag in a linked release fail", () => {
    const pkg = structuredClone(packages.get(publicCodes[0]!)!) as unknown as { releases: Record<string, unknown>[] };
    const wrongCurrency = structuredClone(pkg);
    (wrongCurrency.releases[0]!.tender as Record<string, unknown>).value = { amount: 1, currency: "RMB" };
    expect(validators.releasePackage(wrongCurrency)).toBe(false);
    const noId = structuredClone(pkg);
    delete noId.releases[0]!.id;
    expect(validators.releasePackage(noId)).toBe(false);
    const record = { version: "1.1", records: [{ ocid: "x", releases: [{ url: "https://a.example/x.json#1", date: "2026-01-01T00:00:00Z", tag: ["bid"] }] }] };
    expect(validators.recordPackage(record)).toBe(false);
  });

  it("the demo data publishes tender, tenderAmendment, tenderUpdate and tenderCancellation releases", () => {
    const tags = new Set([...packages.values()].flatMap((p) => p.releases.flatMap((r) => r.tag)));
    for (const tag of ["tender", "tenderAmendment", "tenderUpdate", "tenderCancellation"]) expect(tags, tag).toContain(tag);
  });

  it("one tenderAmendment per material amendment and one tenderUpdate per other amendment, each listed in tender.amendments", async () => {
    const versions = await db.scenarioVersion.findMany({ where: { version: { gt: 1 } }, select: { version: true, material: true, scenario: { select: { code: true } } } });
    expect(versions.some((v) => v.material)).toBe(true);
    for (const v of versions) {
      const pkg = packages.get(v.scenario.code)!;
      const id = `${PREFIX}${v.scenario.code}-${v.material ? "amendment" : "update"}-${v.version}`;
      const release = pkg.releases.find((r) => r.id === id);
      expect(release?.tag, id).toEqual([v.material ? "tenderAmendment" : "tenderUpdate"]);
      const amendments = release!.tender.amendments as { id: string; releaseID: string }[];
      expect(amendments.at(-1)).toMatchObject({ id: `amendment-${v.version}`, releaseID: id });
    }
    const amendmentReleases = [...packages.values()].flatMap((p) => p.releases).filter((r) => r.tag.includes("tenderAmendment"));
    expect(amendmentReleases.length).toBe(versions.filter((v) => v.material).length);
  });

  it("numberOfTenderers is the count of handed-in proposals, and only once the call has closed", async () => {
    const scenarios = await db.scenario.findMany({ where: { code: { in: publicCodes } }, select: { code: true, closedAt: true, id: true } });
    let closedSeen = 0;
    for (const s of scenarios) {
      const counts = packages.get(s.code)!.releases.map((r) => r.tender.numberOfTenderers).filter((n) => n !== undefined);
      if (!s.closedAt) {
        expect(counts, s.code).toEqual([]);
        continue;
      }
      closedSeen++;
      const expected = await db.proposal.count({ where: { scenarioId: s.id, status: { in: [...COUNTED_STATUSES] } } });
      expect(counts.length, s.code).toBeGreaterThan(0);
      for (const n of counts) expect(n, s.code).toBe(expected);
    }
    expect(closedSeen).toBeGreaterThan(10);
  });

  it("budgets are in CNY: value is the upper bound, minValue the lower", async () => {
    const s = await db.scenario.findFirstOrThrow({ where: { code: { in: publicCodes }, budgetMin: { not: null }, budgetMax: { not: null }, versions: { none: { version: { gt: 1 } } } }, select: { code: true, budgetMin: true, budgetMax: true } });
    const tender = packages.get(s.code)!.releases[0]!.tender;
    expect(tender.value).toEqual({ amount: Number(s.budgetMax), currency: "CNY" });
    if (s.budgetMin !== s.budgetMax) expect(tender.minValue).toEqual({ amount: Number(s.budgetMin), currency: "CNY" });
  });
});

describe("record packages", () => {
  it("every public scenario's record package is valid, links each release and compiles them", async () => {
    for (const code of publicCodes) {
      const ocid = `${PREFIX}${code}`;
      const { status, body } = await getJson<RecordPackage>(ROUTES.records, `/opendata/ocds/records/${ocid}.json`, { file: `${ocid}.json` });
      expect(status).toBe(200);
      expect(validators.recordPackage(body), `${code}: ${errorsOf(validators.recordPackage)}`).toBe(true);
      const record = body.records[0]!;
      const releases = packages.get(code)!.releases;
      expect(record.releases.map((r) => r.url.split("#")[1])).toEqual(releases.map((r) => r.id));
      expect(record.compiledRelease.tag).toEqual(["compiled"]);
      expect(record.compiledRelease.date).toBe(releases.at(-1)!.date);
      // The compiled tender is the newest state: a cancelled call reads cancelled, an amended deadline the new one.
      const last = releases.at(-1)!.tender;
      expect(record.compiledRelease.tender.status).toBe(last.status);
      expect(record.compiledRelease.tender.tenderPeriod).toEqual(last.tenderPeriod);
      expect((record.compiledRelease.tender.amendments as unknown[] | undefined)?.length ?? 0).toBe(releases.filter((r) => /-(amendment|update)-\d+$/.test(r.id)).length);
    }
  });
});

describe("the bulk endpoint", () => {
  async function walk(limit: number) {
    const seen: Release[] = [];
    let url: string | undefined = `/opendata/ocds/releases.json?limit=${limit}`;
    for (let pages = 0; url; pages++) {
      expect(pages).toBeLessThan(1000);
      const page: { status: number; body: ReleasePackage } = await getJson<ReleasePackage>(ROUTES.bulk, url);
      const { status, body } = page;
      expect(status).toBe(200);
      expect(validators.releasePackage(body), errorsOf(validators.releasePackage)).toBe(true);
      expect(body.releases.length).toBeLessThanOrEqual(limit);
      seen.push(...body.releases);
      url = body.links?.next?.replace("http://jiebang.test", "");
    }
    return seen;
  }

  it("following links.next from the first page yields every release exactly once, in date order", async () => {
    const all = [...packages.values()].flatMap((p) => p.releases).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const walked = await walk(7);
    expect(walked.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it("filling a page in small batches of scenarios gives the same pages as one large batch", async () => {
    const { bulkReleases, parseBulkQuery } = await import("../../app/modules/opendata/ocds-bulk.server");
    let q = parseBulkQuery(new URLSearchParams("limit=9"));
    for (let i = 0; i < 5; i++) {
      const big = await bulkReleases(q);
      const small = await bulkReleases(q, 3);
      expect(small.releases.map((r) => r.id)).toEqual(big.releases.map((r) => r.id));
      expect(small.more).toBe(big.more);
      const last = big.releases.at(-1)!;
      q = { since: last.date, after: last.id, limit: 9 };
    }
  });

  it("malformed parameters and unknown processes answer 4xx with a message, never a 500", async () => {
    for (const [url, status] of [
      ["/opendata/ocds/releases.json?since=yesterday", 400],
      ["/opendata/ocds/releases.json?limit=0", 400],
      ["/opendata/ocds/releases.json?limit=abc", 400],
      ["/opendata/ocds/releases.json?after=x", 400],
    ] as const) {
      const response = await getJson<{ error: string }>(ROUTES.bulk, url);
      expect(response.status, url).toBe(status);
      expect(response.body.error, url).toMatch(/参数/);
    }
    const draft = await db.scenario.findFirstOrThrow({ where: { status: "draft" }, select: { code: true } });
    for (const file of [`${PREFIX}${draft.code}.json`, `${PREFIX}NOPE-1.json`, "ocds-other-ZZ-2026-0001.json", `${PREFIX}${publicCodes[0]}`]) {
      for (const route of [ROUTES.releases, ROUTES.records]) {
        const response = await getText(route, `/opendata/ocds/x/${encodeURIComponent(file)}`, { file });
        expect(response.status, `${route} ${file}`).toBe(404);
        expect(response.text).toContain("ocid");
      }
    }
  });
});

type Award = { id: string; status: string; date: string; value?: { amount: number }; suppliers: { id: string; name: string }[] };
type Contract = { id: string; awardID: string; status: string; implementation?: { milestones: { title: string; dueDate: string; dateMet?: string; status: string }[] } };
type FullRelease = Release & { awards?: Award[]; contracts?: Contract[] };

describe("awards, contracts and implementation", () => {
  it("the demo data publishes award, awardCancellation, contract, implementation and contractTermination releases", () => {
    const tags = new Set([...packages.values()].flatMap((p) => p.releases.flatMap((r) => r.tag)));
    for (const tag of ["award", "awardCancellation", "contract", "implementation", "contractTermination"]) expect(tags, tag).toContain(tag);
  });

  it("each published notice is a pending award; a final one an active award dated at finalisation, its suppliers the notice's winners, its value the tender's", async () => {
    const decisions = await db.awardDecision.findMany({
      where: { status: { in: ["in_notice", "final"] }, noticeStartsAt: { not: null } },
      select: { round: true, status: true, ranking: true, finalisedAt: true, scenario: { select: { code: true, budgetMax: true, budgetMin: true } } },
    });
    expect(decisions.some((d) => d.status === "final")).toBe(true);
    expect(decisions.some((d) => d.status === "in_notice")).toBe(true);
    for (const d of decisions) {
      const pkg = packages.get(d.scenario.code)!;
      const last = pkg.releases.at(-1) as FullRelease;
      const award = last.awards?.find((a) => a.id === `award-${d.round}`);
      expect(award?.status, d.scenario.code).toBe(d.status === "final" ? "active" : "pending");
      const winners = (d.ranking as { orgName: string; winner: boolean }[]).filter((r) => r.winner).map((r) => r.orgName).sort();
      expect(award!.suppliers.map((s) => s.name).sort(), d.scenario.code).toEqual(winners);
      for (const s of award!.suppliers) expect(last.parties.find((p) => p.name === s.name)?.roles).toContain("supplier");
      expect(award!.value?.amount).toBe(Number(d.scenario.budgetMax ?? d.scenario.budgetMin));
      if (d.status === "final") {
        const release = pkg.releases.find((r) => r.id === `${PREFIX}${d.scenario.code}-award-${d.round}`)!;
        expect(release.tag).toEqual(["award"]);
        expect(release.date).toBe(d.finalisedAt!.toISOString());
      }
    }
  });

  it("a decision withdrawn by an upheld objection is an award release, then an awardCancellation at the withdrawal; the revised round follows", async () => {
    const withdrawn = await db.awardDecision.findMany({
      where: { status: "withdrawn", noticeStartsAt: { not: null } },
      select: { round: true, withdrawnAt: true, noticeStartsAt: true, scenario: { select: { code: true, id: true } } },
    });
    expect(withdrawn.map((d) => d.scenario.code)).toContain("ZZ-2026-0017");
    for (const d of withdrawn) {
      const pkg = packages.get(d.scenario.code)!;
      const id = (suffix: string) => `${PREFIX}${d.scenario.code}-award-${d.round}${suffix}`;
      const notice = pkg.releases.find((r) => r.id === id("-notice"));
      const cancellation = pkg.releases.find((r) => r.id === id("-cancellation")) as FullRelease | undefined;
      expect(notice?.tag, d.scenario.code).toEqual(["award"]);
      expect(notice!.date).toBe(d.noticeStartsAt!.toISOString());
      expect(cancellation?.tag, d.scenario.code).toEqual(["awardCancellation"]);
      expect(cancellation!.date).toBe(d.withdrawnAt!.toISOString());
      expect(cancellation!.awards?.find((a) => a.id === `award-${d.round}`)?.status).toBe("cancelled");
      // Every later round comes after the cancellation, and the newest release still lists the cancelled award.
      const later = await db.awardDecision.findMany({ where: { scenarioId: d.scenario.id, round: { gt: d.round } }, select: { round: true } });
      expect(later.length, d.scenario.code).toBeGreaterThan(0);
      for (const l of later) {
        const next = pkg.releases.find((r) => r.id === `${PREFIX}${d.scenario.code}-award-${l.round}-notice`)!;
        expect(next.date > cancellation!.date).toBe(true);
      }
      expect((pkg.releases.at(-1) as FullRelease).awards?.find((a) => a.id === `award-${d.round}`)?.status).toBe("cancelled");
    }
  });

  it("a scenario in delivery has a contract per winner; its milestones map accepted → met, overdue → notMet, the rest → scheduled; completed ones are terminated", async () => {
    const scenarios = await db.scenario.findMany({
      where: { status: { in: ["in_delivery", "completed"] } },
      select: { code: true, status: true, milestones: { select: { name: true, status: true, dueAt: true, decidedAt: true, evidenceText: true } } },
    });
    expect(scenarios.some((s) => s.status === "completed")).toBe(true);
    expect(scenarios.some((s) => s.status === "in_delivery")).toBe(true);
    const expected = { accepted: "met", overdue: "notMet", planned: "scheduled", submitted: "scheduled", returned: "scheduled" } as const;
    const seen = new Set<string>();
    for (const s of scenarios) {
      const pkg = packages.get(s.code)!;
      expect(pkg.releases.some((r) => r.tag[0] === "contract"), s.code).toBe(true);
      const last = pkg.releases.at(-1) as FullRelease;
      expect(last.tag, s.code).toEqual([s.status === "completed" ? "contractTermination" : s.milestones.some((m) => m.status === "accepted" || m.status === "overdue") ? "implementation" : "contract"]);
      const published = last.contracts!.flatMap((c) => c.implementation?.milestones ?? []);
      for (const c of last.contracts!) expect(c.status).toBe(s.status === "completed" ? "terminated" : "active");
      expect(published.length, s.code).toBe(s.milestones.length);
      const json = JSON.stringify(pkg);
      for (const m of s.milestones) {
        const p = published.find((x) => x.title === m.name && x.dueDate === m.dueAt.toISOString());
        expect(p?.status, `${s.code} ${m.name}`).toBe(expected[m.status]);
        if (m.status === "accepted") expect(p!.dateMet).toBe(m.decidedAt!.toISOString());
        seen.add(m.status);
        // Evidence is the vendor's working material: never published.
        if (m.evidenceText.trim().length > 8) expect(json).not.toContain(m.evidenceText);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(["accepted", "overdue", "planned"]));
  });
});

