import { describe, expect, it } from "vitest";
import { scenarioCard } from "~/components/search-scenario-hit";
import { vendorCard } from "~/components/search-vendor-hit";
import type { ScenarioHit } from "../../search/scenario-search.server";
import type { VendorHit } from "../../search/vendor-search.server";

// A search result goes to the browser as the card the page shows, in the reader's language (ADR 015).
describe("search result cards", () => {
  const scenario: ScenarioHit = {
    id: "s1", code: "ZZ-2026-001", status: "published", mechanism: "open_call", sector: "healthcare", district: "jinshui",
    techTags: ["llm"], title: "医疗影像辅助诊断", titleEn: "Medical imaging", summary: "为基层医院提供影像辅助诊断。", summaryEn: "",
    departmentId: "d1", departmentName: "郑州市卫生健康委员会", departmentNameEn: "Zhengzhou Health Commission",
    budgetMin: 100_000, budgetMax: null, deadline: "2027-01-01T00:00:00.000Z", publishedAt: "2026-12-01T00:00:00.000Z",
  };

  it("a listing in Chinese, or in English where the department wrote it, and nothing the card does not show", () => {
    const zh = scenarioCard(scenario, "zh-CN");
    expect(zh).toEqual({
      code: "ZZ-2026-001", status: "published", mechanism: "open_call", sector: "healthcare", district: "jinshui", techTags: ["llm"],
      title: "医疗影像辅助诊断", summary: "为基层医院提供影像辅助诊断。", department: "郑州市卫生健康委员会",
      budgetMin: 100_000, budgetMax: null, deadline: "2027-01-01T00:00:00.000Z",
    });
    const en = scenarioCard(scenario, "en");
    expect([en.title, en.summary, en.department]).toEqual(["Medical imaging", "为基层医院提供影像辅助诊断。", "Zhengzhou Health Commission"]);
  });

  const vendor: VendorHit = {
    id: "v1", name: "中原智算科技有限公司", nameEn: "Zhongyuan AI", type: "vendor", verified: true,
    intro: "专注政务大模型。", introEn: "", sectors: ["healthcare"], techTags: ["llm"], districts: ["zhengdong"],
    products: ["甲", "乙", "丙", "丁"], pastCaseCount: 2,
  };

  it("an organisation: its English name with the Chinese one beneath for English readers, three products", () => {
    expect(vendorCard(vendor, "zh-CN")).toEqual({
      id: "v1", type: "vendor", verified: true, sectors: ["healthcare"], techTags: ["llm"],
      name: "中原智算科技有限公司", chineseName: null, intro: "专注政务大模型。", products: ["甲", "乙", "丙"],
    });
    expect(vendorCard(vendor, "en")).toMatchObject({ name: "Zhongyuan AI", chineseName: "中原智算科技有限公司", intro: "专注政务大模型。" });
    expect(vendorCard({ ...vendor, nameEn: "" }, "en")).toMatchObject({ name: "中原智算科技有限公司", chineseName: null });
  });
});
