import { describe, expect, it } from "vitest";
import {
  buildCaseDoc, buildScenarioDoc, buildVendorDoc, budgetBand, isSearchableScenario, markdownToText,
  type OrganisationRow, type ScenarioRow,
} from "../../search/documents";
import { SETTINGS, SYNONYM_GROUPS, synonymMap } from "../../search/settings";
import { BUDGET_BANDS, SEARCHABLE_STATUSES } from "../../search/documents";
import { DISTRICTS, MECHANISMS, SECTORS } from "../../app/modules/scenarios/catalog";

const published = new Date("2025-03-01T02:00:00Z");

function scenarioRow(overrides: Partial<ScenarioRow> = {}): ScenarioRow {
  return {
    id: "sc1", code: "ZZ-2025-001", status: "published",
    title: "医疗影像辅助诊断", titleEn: "AI-assisted medical imaging diagnosis",
    summary: "基层医院 CT 影像智能阅片", summaryEn: null,
    description: "## 背景\n\n基层医院**缺少**影像科医生，详见[方案](https://example.cn/a)。\n\n- 肺结节\n- 骨折",
    sector: "healthcare", techTags: ["computer_vision", "llm"], mechanism: "open_call", district: "zhengdong",
    needType: "demo_application", budgetMin: 1_000_000n, budgetMax: 3_000_000n,
    kpis: ["敏感度 ≥ 95%", "单例 ≤ 10 秒"], eligibility: "具备医疗器械软件资质",
    deadline: new Date("2025-04-01T15:59:59Z"), publishedAt: published, updatedAt: published,
    department: { id: "dep1", name: "郑州市卫生健康委员会", nameEn: "Zhengzhou Health Commission" },
    ...overrides,
  };
}

function orgRow(overrides: Partial<OrganisationRow> = {}): OrganisationRow {
  return {
    id: "org1", name: "中原智眸科技有限公司", nameEn: "Zhongyuan Vision Tech", shortName: "智眸", type: "vendor", verified: true,
    intro: "专注**计算机视觉**与无人机巡检。", introEn: null,
    sectors: ["industry", "ecology"], techTags: ["uav", "computer_vision"], districts: ["gaoxin"],
    products: ["巡检平台"], certifications: ["ISO 9001"], teamSize: 80, district: "jinshui", website: null,
    pastCases: [
      { title: "黄河堤防无人机巡检", sector: "ecology", year: 2024, summary: "300 公里堤防" },
      { title: "工厂缺陷检测", sector: "industry", year: 2023, summary: "" },
    ],
    updatedAt: published,
    ...overrides,
  };
}

describe("scenario documents", () => {
  it("carries facets as keys, labels in both languages, and times as unix seconds", () => {
    const doc = buildScenarioDoc(scenarioRow());
    expect(doc).toMatchObject({
      id: "sc1", code: "ZZ-2025-001", status: "published", sector: "healthcare",
      sectorLabels: ["医疗健康", "Healthcare"], district: "zhengdong", districtLabels: ["郑东新区", "Zhengdong New District"],
      mechanismLabels: ["揭榜挂帅", "Open call (unveil the list)"],
      departmentId: "dep1", departmentName: "郑州市卫生健康委员会", departmentNameEn: "Zhengzhou Health Commission",
      budgetMin: 1_000_000, budgetMax: 3_000_000, budget: 3_000_000, budgetBand: "200w_500w",
      publishedAt: published.getTime() / 1000, deadline: Date.parse("2025-04-01T15:59:59Z") / 1000,
      summaryEn: "", kpis: "敏感度 ≥ 95%；单例 ≤ 10 秒",
    });
    expect(doc.techTagLabels).toEqual(["计算机视觉", "Computer vision", "大模型", "Large language models"]);
    // JSON-safe: BigInt budgets would make the Meilisearch request fail.
    expect(() => JSON.stringify(doc)).not.toThrow();
  });

  it("pairs the status with each facet that has one value per listing", () => {
    const doc = buildScenarioDoc(scenarioRow({ status: "closed", budgetMin: null, budgetMax: null }));
    expect(doc).toMatchObject({
      statusSector: "closed|healthcare", statusDistrict: "closed|zhengdong", statusMechanism: "closed|open_call", statusBudget: "closed|negotiable",
    });
  });

  it("stores the description as plain text: no Markdown markup, no link targets", () => {
    const doc = buildScenarioDoc(scenarioRow());
    expect(doc.description).toBe("背景\n基层医院缺少影像科医生，详见方案。\n肺结节\n骨折");
  });

  it("is built only for public statuses: drafts and cancelled listings never reach the index", () => {
    for (const status of ["published", "closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"]) {
      expect(isSearchableScenario({ status, publishedAt: published })).toBe(true);
    }
    expect(isSearchableScenario({ status: "draft", publishedAt: null })).toBe(false);
    expect(isSearchableScenario({ status: "cancelled", publishedAt: published })).toBe(false);
    expect(() => buildScenarioDoc(scenarioRow({ status: "cancelled" }))).toThrow(/not searchable/);
  });

  it("keeps unknown catalog keys (old data) as their own label", () => {
    expect(buildScenarioDoc(scenarioRow({ sector: "space" })).sectorLabels).toEqual(["space"]);
  });
});

describe("budget bands", () => {
  it.each([
    [null, "negotiable"], [0, "negotiable"], [300_000, "lt_50w"], [500_000, "50w_200w"], [2_000_000, "50w_200w"],
    [2_000_001, "200w_500w"], [5_000_000, "200w_500w"], [10_000_000, "500w_1000w"], [10_000_001, "gt_1000w"],
  ] as const)("%s 元 → %s", (yuan, band) => {
    expect(budgetBand(yuan)).toBe(band);
  });

  it("uses the minimum when only a minimum is given", () => {
    const doc = buildScenarioDoc(scenarioRow({ budgetMin: 8_000_000n, budgetMax: null }));
    expect(doc).toMatchObject({ budget: 8_000_000, budgetBand: "500w_1000w", budgetMax: null });
  });
});

describe("vendor documents", () => {
  it("joins the home district into districts and flattens past cases for full-text matching", () => {
    const doc = buildVendorDoc(orgRow());
    expect(doc).toMatchObject({
      type: "vendor", verified: true, intro: "专注计算机视觉与无人机巡检。", introEn: "",
      districts: ["jinshui", "gaoxin"], pastCaseCount: 2, pastCaseSectors: ["ecology", "industry"],
    });
    expect(doc.pastCases).toEqual(["黄河堤防无人机巡检（2024） 300 公里堤防", "工厂缺陷检测（2023）"]);
    expect(doc.techTagLabels).toContain("无人机");
  });

  it("refuses departments and the platform: only vendors and institutes have public profiles", () => {
    expect(() => buildVendorDoc(orgRow({ type: "department" }))).toThrow(/no public profile/);
    expect(buildVendorDoc(orgRow({ type: "institute" })).type).toBe("institute");
  });
});

describe("case documents", () => {
  it("exist only for completed scenarios and name the delivering vendors when known", () => {
    expect(() => buildCaseDoc(scenarioRow())).toThrow(/not a delivered case/);
    const completedAt = new Date("2025-09-01T00:00:00Z");
    const doc = buildCaseDoc(scenarioRow({ status: "completed" }), { vendors: [{ id: "org1", name: "智眸" }], completedAt });
    expect(doc).toMatchObject({ id: "sc1", scenarioId: "sc1", vendorIds: ["org1"], vendorNames: ["智眸"], completedAt: completedAt.getTime() / 1000 });
  });
});

describe("markdownToText", () => {
  it("keeps the words of tables, code and images, drops HTML tags", () => {
    expect(markdownToText("| 指标 | 值 |\n|---|---|\n| 准确率 | 95% |\n\n`API` <b>粗体</b> ![示意图](a.png)")).toBe("指标 值\n准确率 95%\nAPI 粗体 示意图");
    expect(markdownToText("   ")).toBe("");
  });
});

describe("settings", () => {
  it("has at least 30 synonym groups, each expanded so every term finds the others", () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(30);
    const map = synonymMap([["大模型", "大语言模型", "LLM"]]);
    expect(map).toEqual({ 大模型: ["llm", "大语言模型"], 大语言模型: ["llm", "大模型"], llm: ["大模型", "大语言模型"] });
  });

  it("makes every filter the search page needs filterable and never lets a typo touch a code", () => {
    expect(SETTINGS.scenarios.filterableAttributes).toEqual(expect.arrayContaining(["status", "sector", "district", "mechanism", "departmentId", "techTags", "budgetBand", "deadline"]));
    expect(SETTINGS.scenarios.sortableAttributes).toEqual(expect.arrayContaining(["publishedAt", "deadline", "budget"]));
    expect(SETTINGS.scenarios.typoTolerance?.disableOnAttributes).toContain("code");
    expect(SETTINGS.scenarios.searchableAttributes?.[0]).toBe("title");
    expect(SETTINGS.vendors.filterableAttributes).toEqual(expect.arrayContaining(["verified", "sectors", "techTags", "type"]));
  });

  it("returns every status pair of a facet: a truncated distribution would miscount the page's groups", () => {
    const cap = SETTINGS.scenarios.faceting!.maxValuesPerFacet!;
    for (const catalog of [SECTORS, DISTRICTS, MECHANISMS, BUDGET_BANDS]) {
      expect(SEARCHABLE_STATUSES.length * catalog.length).toBeLessThanOrEqual(cap);
    }
    expect(SETTINGS.scenarios.filterableAttributes).toEqual(expect.arrayContaining(["statusSector", "statusDistrict", "statusMechanism", "statusBudget"]));
  });
});
