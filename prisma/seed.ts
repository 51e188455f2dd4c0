import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../app/generated/prisma/client";
import { createDb } from "../app/utils/db.server";
import { hashPassword } from "../app/modules/accounts/passwords.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins";
import { DEPARTMENTS } from "./seed-data/departments";
import { EVALUATORS } from "./seed-data/evaluators";
import { VENDORS } from "./seed-data/vendors";
import { SCENARIOS } from "./seed-data/scenarios";
import { seedDelivery } from "./seed-delivery";
import { seedEvaluation } from "./seed-evaluation";
import { seedAwards } from "./seed-awards";
import { seedScenario } from "./seed-scenarios";
import { seedVerificationDocuments } from "./seed-verification";

// Demo data derived from the Zhengzhou and Henan plans: run by `npm start` on an empty database.
// `seedDemoData` is exported so tests (e.g. the matching-quality test) load the same catalogue.
const DEMO_OFFICER_OF: Record<string, string> = { zz_health: DEMO_LOGINS[1].email, zz_water: DEMO_LOGINS[2].email };

export type SeedResult = {
  departmentIds: Map<string, string>;
  /** Seed key → Organisation.id of every vendor and institute. */
  vendorIds: Map<string, string>;
};

/** Writes the whole demo catalogue into an empty database. */
export async function seedDemoData(db: PrismaClient): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verifiedAt = new Date();

  const platform = await db.organisation.create({
    data: { name: "郑州市人工智能场景供需对接工作专班", nameEn: "Zhengzhou AI Scenario Matchmaking Task Force", shortName: "工作专班", type: "platform", verified: true, district: "zhengzhou" },
  });
  const admin = await db.user.create({
    data: { email: DEMO_LOGINS[0].email, name: "平台运营 张敏", passwordHash, emailVerifiedAt: verifiedAt, memberships: { create: { orgId: platform.id, role: "admin" } } },
  });

  const departmentIds = new Map<string, string>();
  const officerIds = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const org = await db.organisation.create({
      data: { name: d.name, nameEn: d.nameEn, shortName: d.shortName, type: "department", creditCode: d.creditCode, verified: true, district: d.district, contactName: d.contactName, contactPhone: d.contactPhone, contactEmail: d.contactEmail },
    });
    departmentIds.set(d.key, org.id);
    const officer = await db.user.create({
      data: {
        email: DEMO_OFFICER_OF[d.key] ?? `${d.key.replace(/_/g, ".")}@officers.example.cn`,
        name: `${d.shortName} ${d.contactName}`,
        passwordHash,
        emailVerifiedAt: verifiedAt,
        memberships: { create: { orgId: org.id, role: "officer", title: "信息化科" } },
      },
    });
    officerIds.set(d.key, officer.id);
  }

  const vendorIds = new Map<string, string>();
  for (const v of VENDORS) {
    const org = await db.organisation.create({
      data: {
        name: v.name, nameEn: v.nameEn, type: v.type, creditCode: v.creditCode, verified: v.verified, district: v.district, website: v.website,
        intro: v.intro, introEn: v.introEn, sectors: v.sectors, techTags: v.techTags, districts: v.districts, products: v.products,
        certifications: v.certifications, teamSize: v.teamSize, contactName: v.contactName, contactPhone: v.contactPhone, contactEmail: v.contactEmail,
        pastCases: { create: v.pastCases },
      },
    });
    vendorIds.set(v.key, org.id);
  }
  const firstCompany = VENDORS.find((v) => v.type === "vendor")!;
  const firstInstitute = VENDORS.find((v) => v.type === "institute")!;
  const vendorUser = await db.user.create({ data: { email: DEMO_LOGINS[3].email, name: firstCompany.contactName, passwordHash, emailVerifiedAt: verifiedAt, memberships: { create: { orgId: vendorIds.get(firstCompany.key)!, role: "vendor_member" } } } });
  const instituteUser = await db.user.create({ data: { email: DEMO_LOGINS[4].email, name: firstInstitute.contactName, passwordHash, emailVerifiedAt: verifiedAt, memberships: { create: { orgId: vendorIds.get(firstInstitute.key)!, role: "vendor_member" } } } });

  // Whole minutes: the deadline form keeps minutes, so an amendment of a seeded scenario must not
  // see a "changed" deadline that only lost its seconds.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  for (const s of SCENARIOS) {
    await seedScenario(db, s, { now, departmentId: departmentIds.get(s.departmentKey)!, officerId: officerIds.get(s.departmentKey)!, vendorIds });
  }
  // Proposals, the evaluator pool and the evaluation of every scenario past its deadline.
  const vendorUserIds = new Map([[firstCompany.key, vendorUser.id], [firstInstitute.key, instituteUser.id]]);
  await seedEvaluation(db, { now, passwordHash, verifiedAt, platformId: platform.id, adminId: admin.id, vendorIds, vendorUserIds });
  // The award decisions, notices and objections of every scenario past its evaluation.
  await seedAwards(db, { now, adminId: admin.id });
  // 挂帅: milestone plans of the scenarios in delivery, the horse race's first gate, delivered cases.
  await seedDelivery(db, { now, departmentIds, officerIds, vendorIds });
  // 认证材料: some of the organisations in the verification queue have handed in their documents.
  await seedVerificationDocuments(db, { now, passwordHash, verifiedAt, vendorIds });
  return { departmentIds, vendorIds };
}

async function main() {
  const db = createDb(process.env.DATABASE_URL ?? "");
  try {
    if ((await db.organisation.count()) > 0) {
      console.log("[seed] database is not empty; nothing to do");
      return;
    }
    const started = Date.now();
    await seedDemoData(db);
    const [proposals, sheets] = await Promise.all([db.proposal.count(), db.scoreSheet.count()]);
    console.log(
      `[seed] ${DEPARTMENTS.length} departments, ${VENDORS.length} vendors and institutes, ${SCENARIOS.length} scenarios, ${EVALUATORS.length} experts, ${proposals} proposals, ${sheets} score sheets in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.$disconnect();
  }
}

// Run as a script (`tsx prisma/seed.ts`), not when a test imports seedDemoData.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error("[seed] failed:", error);
    process.exitCode = 1;
  });
}
