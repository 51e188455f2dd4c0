import { describe, it, expect } from "vitest";
import {
  COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SCENARIO_STATUSES, SECTORS, TECH_TAGS, isKey, label,
} from "../../app/modules/scenarios/catalog";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { DEPARTMENTS } from "../../prisma/seed-data/departments";
import { EVALUATIONS } from "../../prisma/seed-data/evaluation-plan";
import { DEMO_EVALUATOR_KEY, EVALUATORS, ORGANISATION_LINKS } from "../../prisma/seed-data/evaluators";
import { criterionTexts, type Category } from "../../prisma/seed-data/justification-texts";
import { OPEN_PROPOSALS, PROPOSALS_AFTER_CLOSE } from "../../prisma/seed-data/proposals";
import { categoryOf, scoreValue } from "../../prisma/seed-data/score-text";
import { SCENARIOS, currentScenarioValues } from "../../prisma/seed-data/scenarios";
import type { SeedScenario } from "../../prisma/seed-data/types";
import { VENDORS } from "../../prisma/seed-data/vendors";

const EXAMPLE_EMAIL = /^[a-z0-9._-]+@([a-z0-9-]+\.)*(example\.com|example\.org|example\.cn)$/;
const PHONE = /^0371-[5-8]\d{7}$/;
const AFTER_CLOSE = ["closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"];

const departmentByKey = new Map(DEPARTMENTS.map((d) => [d.key, d]));
const vendorByKey = new Map(VENDORS.map((v) => [v.key, v]));
const count = <T>(items: T[], pick: (item: T) => boolean) => items.filter(pick).length;

describe("catalog", () => {
  it("has the fixed need types and mechanisms of the data model", () => {
    expect(NEED_TYPES.map((n) => n.key)).toEqual(["tech_breakthrough", "product_procurement", "joint_rd", "demo_application"]);
    expect(MECHANISMS.map((m) => m.key)).toEqual(["open_call", "horse_race", "directed"]);
    expect(MECHANISMS.map((m) => m.zh)).toEqual(["揭榜挂帅", "赛马", "定向委托"]);
  });

  it("has unique keys and both labels in every list", () => {
    for (const list of [SECTORS, DISTRICTS, TECH_TAGS, NEED_TYPES, MECHANISMS, COOPERATION_MODES, SCENARIO_STATUSES]) {
      expect(new Set(list.map((e) => e.key)).size).toBe(list.length);
      for (const e of list) {
        expect(e.zh.length).toBeGreaterThan(0);
        expect(e.en.length).toBeGreaterThan(0);
      }
    }
    expect(SECTORS.length).toBeGreaterThanOrEqual(14);
    expect(SECTORS.length).toBeLessThanOrEqual(20);
    expect(isKey(DISTRICTS, "henan")).toBe(true);
  });

  it("labels keys in both locales and falls back to the key", () => {
    expect(label(SECTORS, "healthcare", "zh-CN")).toBe("医疗健康");
    expect(label(SECTORS, "healthcare", "en")).toBe("Healthcare");
    expect(label(MECHANISMS, "horse_race", "zh-CN")).toBe("赛马");
    expect(label(SECTORS, "unknown_sector", "en")).toBe("unknown_sector");
  });
});

describe("departments", () => {
  it("are at least 22 real units with unique keys and names", () => {
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(22);
    expect(new Set(DEPARTMENTS.map((d) => d.key)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => d.name)).size).toBe(DEPARTMENTS.length);
  });

  it("have valid districts and example contact details", () => {
    for (const d of DEPARTMENTS) {
      expect(isKey(DISTRICTS, d.district), d.key).toBe(true);
      expect(d.contactEmail, d.key).toMatch(EXAMPLE_EMAIL);
      expect(d.contactPhone, d.key).toMatch(PHONE);
      expect(d.nameEn.length, d.key).toBeGreaterThan(0);
    }
  });
});

describe("vendors and institutes", () => {
  it("are at least 32, about a quarter institutes, some verified and some not", () => {
    expect(VENDORS.length).toBeGreaterThanOrEqual(32);
    expect(new Set(VENDORS.map((v) => v.key)).size).toBe(VENDORS.length);
    expect(new Set(VENDORS.map((v) => v.name)).size).toBe(VENDORS.length);
    const institutes = count(VENDORS, (v) => v.type === "institute");
    expect(institutes / VENDORS.length).toBeGreaterThanOrEqual(0.2);
    expect(institutes / VENDORS.length).toBeLessThanOrEqual(0.3);
    expect(count(VENDORS, (v) => v.verified)).toBeGreaterThan(0);
    expect(count(VENDORS, (v) => !v.verified)).toBeGreaterThan(0);
  });

  it("have complete capability profiles with valid vocabularies", () => {
    for (const v of VENDORS) {
      expect(departmentByKey.has(v.key), `${v.key} clashes with a department key`).toBe(false);
      expect(isKey(DISTRICTS, v.district), v.key).toBe(true);
      expect(v.sectors.length, v.key).toBeGreaterThan(0);
      for (const s of v.sectors) expect(isKey(SECTORS, s), `${v.key} ${s}`).toBe(true);
      for (const t of v.techTags) expect(isKey(TECH_TAGS, t), `${v.key} ${t}`).toBe(true);
      for (const d of v.districts) expect(isKey(DISTRICTS, d), `${v.key} ${d}`).toBe(true);
      expect(v.pastCases.length, v.key).toBeGreaterThanOrEqual(1);
      expect(v.pastCases.length, v.key).toBeLessThanOrEqual(3);
      for (const c of v.pastCases) {
        expect(isKey(SECTORS, c.sector), `${v.key} ${c.title}`).toBe(true);
        expect(c.year).toBeGreaterThanOrEqual(2018);
        expect(c.year).toBeLessThanOrEqual(2026);
      }
      expect(v.contactEmail, v.key).toMatch(EXAMPLE_EMAIL);
      expect(v.contactPhone, v.key).toMatch(PHONE);
      expect(new URL(v.website).hostname, v.key).toMatch(/(^|\.)example\.(com|org)$/);
      expect(v.teamSize, v.key).toBeGreaterThan(0);
      expect(v.intro.length > 0 && v.introEn.length > 0, v.key).toBe(true);
    }
  });

  it("cover every sector between them", () => {
    const covered = new Set(VENDORS.flatMap((v) => v.sectors));
    for (const s of SECTORS) expect(covered.has(s.key), s.key).toBe(true);
  });
});

describe("scenarios", () => {
  it("are at least 44 with unique, well-formed codes matching their department's level", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(44);
    expect(new Set(SCENARIOS.map((s) => s.code)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      expect(s.code).toMatch(/^(ZZ|HA)-20\d\d-\d{4}$/);
      const department = departmentByKey.get(s.departmentKey);
      expect(department, `${s.code} → ${s.departmentKey}`).toBeDefined();
      expect(s.code.slice(0, 2), s.code).toBe(department!.district === "henan" ? "HA" : "ZZ");
    }
  });

  it("cover every sector at least twice", () => {
    for (const sector of SECTORS) {
      expect(count(SCENARIOS, (s) => s.sector === sector.key), sector.key).toBeGreaterThanOrEqual(2);
    }
  });

  it("cover every status in the required numbers", () => {
    const minimum: Record<SeedScenario["status"], number> = {
      draft: 4, published: 18, closed: 3, evaluating: 2, award_proposed: 1, notice: 1,
      awarded: 2, in_delivery: 2, completed: 2, cancelled: 3,
    };
    for (const [status, min] of Object.entries(minimum)) {
      expect(count(SCENARIOS, (s) => s.status === status), status).toBeGreaterThanOrEqual(min);
    }
  });

  it("mix mechanisms with consistent race teams and invitations", () => {
    expect(count(SCENARIOS, (s) => s.mechanism === "horse_race")).toBeGreaterThanOrEqual(5);
    expect(count(SCENARIOS, (s) => s.mechanism === "directed")).toBeGreaterThanOrEqual(4);
    expect(count(SCENARIOS, (s) => s.mechanism === "open_call")).toBeGreaterThan(SCENARIOS.length / 2);
    for (const s of SCENARIOS) {
      if (s.mechanism === "horse_race") {
        expect(s.raceTeams, s.code).toBeGreaterThanOrEqual(2);
        expect(s.raceTeams, s.code).toBeLessThanOrEqual(3);
      } else {
        expect(s.raceTeams, s.code).toBeUndefined();
      }
      if (s.mechanism === "directed") {
        expect(s.invitedVendorKeys?.length ?? 0, s.code).toBeGreaterThan(0);
        for (const key of s.invitedVendorKeys!) expect(vendorByKey.has(key), `${s.code} invites ${key}`).toBe(true);
      } else {
        expect(s.invitedVendorKeys, s.code).toBeUndefined();
      }
    }
  });

  it("have rubrics whose weights sum to 100", () => {
    for (const s of SCENARIOS) {
      expect(s.rubric.length, s.code).toBeGreaterThanOrEqual(3);
      expect(s.rubric.reduce((sum, r) => sum + r.weight, 0), s.code).toBe(100);
      for (const r of s.rubric) {
        expect(r.weight > 0 && r.maxScore > 0, s.code).toBe(true);
        expect(r.criterion.length > 0 && r.criterionEn.length > 0, s.code).toBe(true);
      }
    }
  });

  it("use the catalog vocabularies", () => {
    for (const s of SCENARIOS) {
      expect(isKey(SECTORS, s.sector), s.code).toBe(true);
      expect(isKey(DISTRICTS, s.district), s.code).toBe(true);
      expect(isKey(NEED_TYPES, s.needType), s.code).toBe(true);
      expect(isKey(COOPERATION_MODES, s.cooperationMode), s.code).toBe(true);
      expect(s.techTags.length, s.code).toBeGreaterThan(0);
      for (const t of s.techTags) expect(isKey(TECH_TAGS, t), `${s.code} ${t}`).toBe(true);
    }
    for (const n of NEED_TYPES) expect(SCENARIOS.some((s) => s.needType === n.key), n.key).toBe(true);
    for (const c of COOPERATION_MODES) expect(SCENARIOS.some((s) => s.cooperationMode === c.key), c.key).toBe(true);
  });

  it("have budgets in range, some ranges and some negotiable", () => {
    for (const s of SCENARIOS.map(currentScenarioValues)) {
      expect(s.budgetMin === null, s.code).toBe(s.budgetMax === null);
      if (s.budgetMin !== null && s.budgetMax !== null) {
        expect(s.budgetMin, s.code).toBeGreaterThanOrEqual(200_000);
        expect(s.budgetMax, s.code).toBeLessThanOrEqual(20_000_000);
        expect(s.budgetMin, s.code).toBeLessThanOrEqual(s.budgetMax);
      }
    }
    expect(count(SCENARIOS, (s) => s.budgetMin === null)).toBeGreaterThanOrEqual(2);
    expect(count(SCENARIOS, (s) => s.budgetMin !== null && s.budgetMin < s.budgetMax!)).toBeGreaterThanOrEqual(10);
  });

  it("have timelines consistent with their status", () => {
    for (const s of SCENARIOS.map(currentScenarioValues)) {
      if (s.status === "draft") {
        expect(s.publishedDaysAgo, s.code).toBeNull();
        expect(s.deadlineInDays, s.code).toBeGreaterThan(0);
      } else {
        expect(s.publishedDaysAgo, s.code).not.toBeNull();
        expect(s.publishedDaysAgo!, s.code).toBeGreaterThan(0);
      }
      if (s.status === "published") {
        expect(s.deadlineInDays, s.code).toBeGreaterThanOrEqual(5);
        expect(s.deadlineInDays, s.code).toBeLessThanOrEqual(60);
      }
      if (AFTER_CLOSE.includes(s.status)) {
        expect(s.deadlineInDays, s.code).toBeLessThan(0);
        expect(s.publishedDaysAgo!, s.code).toBeGreaterThan(-s.deadlineInDays);
      }
      if (s.status === "completed") expect(-s.deadlineInDays, s.code).toBeGreaterThan(s.projectMonths * 30);
      if (s.status === "cancelled") expect(s.cancelReason?.length ?? 0, s.code).toBeGreaterThan(10);
      else expect(s.cancelReason, s.code).toBeUndefined();
      expect(s.projectMonths, s.code).toBeGreaterThan(0);
    }
  });

  it("include published amendments that happened after publication", () => {
    const amended = SCENARIOS.filter((s) => s.amendments?.length);
    expect(count(amended, (s) => s.status === "published")).toBeGreaterThanOrEqual(2);
    for (const s of amended) {
      for (const a of s.amendments!) {
        expect(a.daysAfterPublish, s.code).toBeGreaterThan(0);
        expect(a.daysAfterPublish, s.code).toBeLessThan(s.publishedDaysAgo!);
        expect(Object.keys(a.changes).length, s.code).toBeGreaterThan(0);
        expect(a.note.length, s.code).toBeGreaterThan(0);
      }
    }
  });

  it("carry complete listing details", () => {
    for (const s of SCENARIOS) {
      for (const heading of ["## 背景", "## 需求", "## 场景资源", "## 技术路线期望"]) {
        expect(s.description, `${s.code} ${heading}`).toContain(heading);
      }
      expect(s.kpis.length, s.code).toBeGreaterThan(0);
      expect(s.acceptanceCriteria.length, s.code).toBeGreaterThan(0);
      expect(s.responsibleUnits.length, s.code).toBeGreaterThan(0);
      expect(s.eligibility.length && s.paymentSchedule.length && s.openResources.length, s.code).toBeTruthy();
      expect(s.titleEn.length && s.summaryEn.length, s.code).toBeTruthy();
      expect(s.contactEmail, s.code).toMatch(EXAMPLE_EMAIL);
      expect(s.contactPhone, s.code).toMatch(PHONE);
      expect(s.consortiumMaxMembers, s.code).toBe(s.consortiumAllowed ? Math.max(1, s.consortiumMaxMembers) : 0);
    }
  });

  it("include the themes named in the seed documents", () => {
    const titles = SCENARIOS.map((s) => s.title);
    const themes = [/防汛.*专家知识库/, /水库水位.*预测/, /处方前置审核/, /病虫害.*监测/, /甲骨文/, /停车/, /多式联运/,
      /医疗影像辅助诊断/, /12345/, /质检|质量检测/, /矿山/, /作业|备课/];
    for (const theme of themes) expect(titles.some((t) => theme.test(t)), String(theme)).toBe(true);
  });
});

describe("evaluation demo data", () => {
  const scenarioByCode = new Map(SCENARIOS.map((s) => [s.code, s]));
  const evaluatorKeys = new Set(EVALUATORS.map((e) => e.key));

  it("has a pool of about ten experts with valid vocabularies, the demo evaluator among them", () => {
    expect(EVALUATORS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(EVALUATORS.map((e) => e.email)).size).toBe(EVALUATORS.length);
    const demo = EVALUATORS.find((e) => e.key === DEMO_EVALUATOR_KEY)!;
    expect(demo.email).toBe(DEMO_LOGINS[5].email);
    expect(demo.name).toBe("评审专家 刘振宇");
    for (const e of EVALUATORS) {
      expect(e.email, e.key).toMatch(EXAMPLE_EMAIL);
      expect(e.title.length > 0 && e.expertise.length > 30, e.key).toBe(true);
      for (const sector of e.sectors) expect(isKey(SECTORS, sector), `${e.key} ${sector}`).toBe(true);
      for (const tag of e.techTags) expect(isKey(TECH_TAGS, tag), `${e.key} ${tag}`).toBe(true);
      expect(e.affiliations.filter((a) => a.toYear === null).length, `${e.key} has a current organisation`).toBeGreaterThan(0);
      for (const a of e.affiliations) {
        if ("vendorKey" in a) expect(vendorByKey.has(a.vendorKey), `${e.key} ${a.vendorKey}`).toBe(true);
        if (a.fromYear !== null && a.toYear !== null) expect(a.fromYear, e.key).toBeLessThanOrEqual(a.toYear);
      }
    }
    for (const l of ORGANISATION_LINKS) expect(vendorByKey.has(l.fromKey) && vendorByKey.has(l.toKey), `${l.fromKey} → ${l.toKey}`).toBe(true);
  });

  it("has 3–5 fitting proposals on every scenario past its deadline, only invitees on directed ones, none on others", () => {
    const closed = SCENARIOS.filter((s) => AFTER_CLOSE.includes(s.status));
    expect(Object.keys(PROPOSALS_AFTER_CLOSE).sort()).toEqual(closed.map((s) => s.code).sort());
    for (const [code, plans] of Object.entries(PROPOSALS_AFTER_CLOSE)) {
      const s = scenarioByCode.get(code)!;
      expect(new Set(plans.map((p) => p.vendorKey)).size, code).toBe(plans.length);
      if (s.mechanism === "directed") for (const p of plans) expect(s.invitedVendorKeys, code).toContain(p.vendorKey);
      else expect(plans.length >= 3 && plans.length <= 5, code).toBe(true);
      for (const p of plans) {
        expect(vendorByKey.has(p.vendorKey), `${code} ${p.vendorKey}`).toBe(true);
        expect(p.quality > 0 && p.quality < 1 && p.budgetAt >= 0 && p.budgetAt <= 1, `${code} ${p.vendorKey}`).toBe(true);
        if (p.consortium?.length) expect(s.consortiumAllowed, code).toBe(true);
        // Blind review needs texts that do not name the proposer.
        expect(p.angle, `${code} ${p.vendorKey}`).not.toContain(vendorByKey.get(p.vendorKey)!.name);
      }
      // A clear best, so the choice made after evaluation is the one the scores support.
      const qualities = plans.map((p) => p.quality).sort((a, b) => b - a);
      const chosen = s.mechanism === "horse_race" ? s.raceTeams! : 1;
      if (qualities.length > chosen) expect(qualities[chosen - 1]! - qualities[chosen]!, code).toBeGreaterThan(0.035);
    }
    for (const p of OPEN_PROPOSALS) expect(scenarioByCode.get(p.code)?.status, p.code).toBe("published");
    const demoVendor = VENDORS.find((v) => v.type === "vendor")!.key;
    expect(OPEN_PROPOSALS.filter((p) => p.vendorKey === demoVendor).map((p) => p.status).sort()).toEqual(["draft", "submitted"]);
  });

  it("plans evaluations by pool experts on proposals that exist, with at least three experts still on each", () => {
    for (const e of EVALUATIONS) {
      const s = scenarioByCode.get(e.code)!;
      expect(["evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"], e.code).toContain(s.status);
      const proposers = PROPOSALS_AFTER_CLOSE[e.code]!.map((p) => p.vendorKey);
      expect(new Set(e.assignments.map((a) => a.evaluator)).size, e.code).toBe(e.assignments.length);
      expect(e.assignments.filter((a) => a.status !== "declined").length, e.code).toBeGreaterThanOrEqual(3);
      for (const a of e.assignments) {
        expect(evaluatorKeys.has(a.evaluator), `${e.code} ${a.evaluator}`).toBe(true);
        if (s.status !== "evaluating") expect(a.status, e.code).toBe("accepted");
        if (a.status === "declined") expect(a.declineReason!.length, e.code).toBeGreaterThan(10);
        for (const k of [...Object.keys(a.work ?? {}), ...Object.keys(a.declaredConflicts ?? {}), ...Object.keys(a.disagree ?? {})]) {
          expect(proposers, `${e.code} ${a.evaluator} ${k}`).toContain(k);
        }
      }
    }
    expect(EVALUATIONS.filter((e) => e.blindReview)).toHaveLength(1);
  });

  it("writes justifications of at least 20 characters for every kind of criterion and level", () => {
    const categories = new Set<Category>(["technical", ...SCENARIOS.flatMap((s) => s.rubric.map((r) => categoryOf(r.criterion)))]);
    expect(categories.size).toBeGreaterThanOrEqual(12);
    const plan = { vendorKey: "x", angle: "", quality: 0.5, budgetAt: 0.5 };
    for (const s of SCENARIOS) {
      for (const category of categories) {
        for (const level of criterionTexts(category, { scenario: s, plan, budgetYuan: 1_000_000n, milestoneCount: 4, teamSize: 6 }, "")) {
          for (const text of level) expect([...text].length, text).toBeGreaterThanOrEqual(20);
        }
      }
    }
  });

  it("scores 0…max in steps of 0.5, the same every time", () => {
    for (const maxScore of [5, 10, 100]) {
      for (const quality of [0.05, 0.5, 0.95]) {
        const key = { code: "ZZ-2026-0015", vendorKey: "shuyin", evaluatorKey: "li_xiumei", position: 2 };
        const plan = { vendorKey: "shuyin", angle: "", quality, budgetAt: 0.5 };
        const value = scoreValue(key, { name: "技术方案", maxScore }, plan, -0.3);
        expect(value >= 0 && value <= maxScore && Number.isInteger(value * 2), `${value}`).toBe(true);
        expect(scoreValue(key, { name: "技术方案", maxScore }, plan, -0.3)).toBe(value);
      }
    }
  });
});
