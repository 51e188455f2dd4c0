import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SECTORS } from "../../app/modules/scenarios/catalog";
import { useAppDatabase } from "../setup/app-database";
import { addProposal } from "../fixtures/evaluation";
import { ROUTES, getText } from "../fixtures/open-data-calls";

// Sealing holds in every export and feed: a proposal handed in to an open call (its deadline not yet
// passed) leaves no trace — no content, no proposer, not even a count — in any OCDS package, page of
// the bulk endpoint or Atom feed; and no person's contact details appear in any of them.

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
const MARKER = `SEALED${randomBytes(6).toString("hex")}`;
let sealedCode = "";
// A scenario in delivery whose winning proposal and milestone evidence carry a marker: the award and
// contract are public, the proposal's content, requested budget and the evidence are not.
const DELIVERY_MARKER = `PRIVATE${randomBytes(6).toString("hex")}`;
const REQUESTED_BUDGET = 987_654_321;
let deliveryCode = "";
let contactValues: string[] = [];
const texts: { where: string; text: string }[] = [];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  await (await import("../../prisma/seed")).seedDemoData(db);
  const open = await db.scenario.findFirstOrThrow({ where: { status: "published", deadline: { gt: new Date() } }, select: { id: true, code: true } });
  sealedCode = open.code;
  const proposal = await addProposal(db, open.id, {
    status: "submitted", orgName: `${MARKER}科技有限公司`, technicalApproach: `方案 ${MARKER}`, team: `团队 ${MARKER}`, relevantCases: `案例 ${MARKER}`,
    submittedAt: new Date(),
  });
  await db.attachment.create({
    data: { storageKey: randomBytes(16).toString("hex"), filename: `${MARKER}.pdf`, mimeType: "application/pdf", size: 10, sha256: "d".repeat(64), orgId: proposal.org.id, proposalId: proposal.id, uploadedById: proposal.member.id },
  });
  const delivering = await db.scenario.findFirstOrThrow({ where: { status: "in_delivery", milestones: { some: {} } }, select: { id: true, code: true } });
  deliveryCode = delivering.code;
  await db.proposal.updateMany({
    where: { scenarioId: delivering.id, status: "awarded" },
    data: { technicalApproach: `方案 ${DELIVERY_MARKER}`, team: `团队 ${DELIVERY_MARKER}`, budgetRequest: BigInt(REQUESTED_BUDGET) },
  });
  await db.milestone.updateMany({
    where: { scenarioId: delivering.id },
    data: { evidenceText: `证据 ${DELIVERY_MARKER}`, deliverable: `成果 ${DELIVERY_MARKER}`, acceptanceEvidence: `验收 ${DELIVERY_MARKER}`, acceptNote: `意见 ${DELIVERY_MARKER}` },
  });
  // Contact persons of scenarios and departments: public on no export.
  const people = [
    ...(await db.scenario.findMany({ select: { contactName: true, contactPhone: true, contactEmail: true } })).flatMap((s) => [s.contactName, s.contactPhone, s.contactEmail]),
    ...(await db.organisation.findMany({ where: { type: "department" }, select: { contactName: true, contactPhone: true, contactEmail: true } })).flatMap((o) => [o.contactName, o.contactPhone, o.contactEmail]),
  ];
  contactValues = [...new Set(people.filter((v): v is string => !!v && v.length >= 2))];

  const collect = async (route: string, url: string, params: Record<string, string> = {}) => {
    const r = await getText(route, url, params);
    expect(r.status, url).toBe(200);
    texts.push({ where: url, text: r.text });
    return r.text;
  };
  const ocid = `ocds-jiebang-${sealedCode}`;
  await collect(ROUTES.releases, `/opendata/ocds/releases/${ocid}.json`, { file: `${ocid}.json` });
  await collect(ROUTES.records, `/opendata/ocds/records/${ocid}.json`, { file: `${ocid}.json` });
  const deliveryOcid = `ocds-jiebang-${deliveryCode}`;
  await collect(ROUTES.releases, `/opendata/ocds/releases/${deliveryOcid}.json`, { file: `${deliveryOcid}.json` });
  await collect(ROUTES.records, `/opendata/ocds/records/${deliveryOcid}.json`, { file: `${deliveryOcid}.json` });
  for (let url: string | undefined = "/opendata/ocds/releases.json?limit=500"; url; ) {
    const body = JSON.parse(await collect(ROUTES.bulk, url)) as { links?: { next?: string } };
    url = body.links?.next?.replace("http://jiebang.test", "");
  }
  for (const lang of ["", "?lang=en"]) {
    await collect(ROUTES.feedAll, `/feeds/scenarios.atom${lang}`);
    await collect(ROUTES.feedAwards, `/feeds/awards.atom${lang}`);
    for (const s of SECTORS) await collect(ROUTES.feedSector, `/feeds/sectors/${s.key}/scenarios.atom${lang}`, { sector: s.key });
    for (const d of await db.organisation.findMany({ where: { type: "department" }, select: { id: true } })) {
      await collect(ROUTES.feedDepartment, `/feeds/departments/${d.id}/scenarios.atom${lang}`, { id: d.id });
    }
  }
}, 300_000);
afterAll(async () => {
  await cleanup?.();
});

it("the sealed scenario is in the exports (so the check below looks at it)", () => {
  expect(texts.find((t) => t.where.includes("/releases/"))!.text).toContain(`"tag": [\n        "tender"\n      ]`);
  expect(texts.filter((t) => t.text.includes(sealedCode)).length).toBeGreaterThan(4);
});

it("no export or feed holds anything of the sealed proposal, nor a count of proposals for the open call", () => {
  for (const { where, text } of texts) expect(text.includes(MARKER), where).toBe(false);
  const pkg = JSON.parse(texts.find((t) => t.where.includes("/releases/"))!.text) as { releases: { tender: Record<string, unknown> }[] };
  for (const r of pkg.releases) expect(r.tender).not.toHaveProperty("numberOfTenderers");
  const record = JSON.parse(texts.find((t) => t.where.includes("/records/"))!.text) as { records: { compiledRelease: { tender: Record<string, unknown> } }[] };
  expect(record.records[0]!.compiledRelease.tender).not.toHaveProperty("numberOfTenderers");
});

it("no export or feed holds a contact person's name, phone or e-mail", () => {
  expect(contactValues.length).toBeGreaterThan(10);
  for (const { where, text } of texts) {
    const leaked = contactValues.filter((v) => text.includes(v));
    expect(leaked, where).toEqual([]);
  }
});

it("a scenario in delivery publishes its award, contract and milestones, but never the winning proposal's content, requested budget or milestone evidence", () => {
  const own = texts.filter((t) => t.where.includes(`-${deliveryCode}.json`));
  expect(own.length).toBe(2);
  const pkg = JSON.parse(own[0]!.text) as { releases: { tag: string[]; contracts?: { implementation?: { milestones: unknown[] } }[] }[] };
  expect(pkg.releases.some((r) => r.tag[0] === "award")).toBe(true);
  expect(pkg.releases.at(-1)!.contracts![0]!.implementation!.milestones.length).toBeGreaterThan(0);
  for (const { where, text } of texts) {
    expect(text.includes(DELIVERY_MARKER), where).toBe(false);
    expect(text.includes(String(REQUESTED_BUDGET)), where).toBe(false);
  }
});

