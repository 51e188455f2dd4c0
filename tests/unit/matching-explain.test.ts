import { describe, expect, it } from "vitest";
import { explainPair, similarCases } from "../../search/matching/explain";
import { containment, grams, keyPieces, matchedWords, meaningfulTerms, phraseQuery, windowQueries } from "../../search/matching/text";
import type { ScenarioFacts, VendorFacts } from "../../search/matching/types";

const reservoir: ScenarioFacts = {
  id: "s1", title: "重点水库水位智能预测（常庄、尖岗水库）", summary: "利用人工智能对重点水库进行入库流量和水位智能预测，支撑汛期预泄调度。",
  sector: "disaster_prevention", techTags: ["predictive_analytics", "smart_sensors", "spatiotemporal_data"], district: "zhengzhou",
};
const waterCompany: VendorFacts = {
  id: "v1", verified: true, sectors: ["disaster_prevention", "ecology"], techTags: ["predictive_analytics", "smart_sensors", "digital_twin"],
  districts: ["zhengzhou", "xinmi"],
  pastCases: [
    { title: "某水库入库流量与水位预测", sector: "disaster_prevention", year: 2023, summary: "汛期逐小时滚动预报。" },
    { title: "城区易涝点积水预警", sector: "disaster_prevention", year: 2024, summary: "提前30分钟预警易涝点积水深度。" },
  ],
};

describe("explainPair", () => {
  it("names shared sectors, shared tags in the listing's order, the district and the matched terms", () => {
    const e = explainPair(reservoir, waterCompany, { hits: [], terms: ["水库", "水位"] });
    expect(e.sharedSectors).toEqual(["disaster_prevention"]);
    expect(e.sharedTags).toEqual(["predictive_analytics", "smart_sensors"]);
    expect(e.districtMatch).toBe(true);
    expect(e.matchedTerms).toEqual(["水库", "水位"]);
  });

  it("counts a sector the vendor has delivered in even if the profile does not list it", () => {
    const e = explainPair(reservoir, { ...waterCompany, sectors: [] }, { hits: [], terms: [] });
    expect(e.sharedSectors).toEqual(["disaster_prevention"]);
  });

  it("says nothing it cannot back: no overlap, no reasons", () => {
    const e = explainPair(reservoir, { ...waterCompany, sectors: ["education"], techTags: ["ocr"], districts: ["jinshui"], pastCases: [] }, { hits: [], terms: [] });
    expect(e).toEqual({ matchedTerms: [], sharedSectors: [], sharedTags: [], similarCases: [], districtMatch: false });
  });
});

describe("similarCases", () => {
  it("finds the past case about the same thing and leaves the unrelated one out", () => {
    const cases = similarCases(reservoir, waterCompany);
    expect(cases.map((c) => c.title)).toEqual(["某水库入库流量与水位预测"]);
    expect(cases[0]!.similarity).toBeGreaterThan(0);
  });

  it("weighs a case from another sector less", () => {
    const same = similarCases(reservoir, waterCompany)[0]!.similarity;
    const other = similarCases(reservoir, { ...waterCompany, pastCases: [{ ...waterCompany.pastCases[0]!, sector: "ecology" }] })[0]!.similarity;
    expect(other).toBeLessThan(same);
  });
});

describe("text helpers", () => {
  it("strips filler words but keeps 智能体 and 具身智能", () => {
    expect(keyPieces("知识库问答智能体引擎")).toEqual(["知识库问答智能体"]);
    expect(keyPieces("具身智能数据采集平台")).toEqual(["具身智能数据采集"]);
    expect(phraseQuery("提供人工智能系统建设服务")).toBeNull();
    expect(phraseQuery("乳腺钼靶AI辅助诊断软件")).toBe("乳腺钼靶 诊断");
  });

  it("drops place names, which are the district signal, not a capability", () => {
    expect(keyPieces("在金水区试点社区治理")).toEqual(["社区治理"]);
  });

  it("cuts long listing phrases into short overlapping windows", () => {
    expect(windowQueries(["城市防汛排涝专家知识库"], 10)).toEqual(["城市防汛", "防汛排涝", "排涝专家", "专家知识", "知识库"]);
    expect(windowQueries(["甲骨文、OCR"], 10)).toEqual(["甲骨文", "OCR"]);
    expect(windowQueries(["城市防汛排涝专家知识库"], 2)).toHaveLength(2);
  });

  it("reads matched words from Meilisearch's byte offsets, in strings and arrays", () => {
    const doc = { title: "重点水库水位预测", products: ["雨量计", "水库水位智能预测模型"] };
    // "水库" starts at byte 6 (two 3-byte characters before it).
    const words = matchedWords(doc, { title: [{ start: 6, length: 6 }], products: [{ start: 0, length: 6, indices: [1] }] }, ["title", "products"]);
    expect(words).toEqual(["水库", "水库"]);
  });

  it("keeps meaningful, distinct terms, most frequent first", () => {
    expect(meaningfulTerms(["水库", "水库", "智能", "水位", "库", "Water", "water"])).toEqual(["水库", "Water", "水位"]);
  });

  it("measures how much of a case reappears in a listing", () => {
    const listing = grams("重点水库水位预测");
    expect(containment(grams("水库水位"), listing)).toEqual({ share: 1, shared: 3 });
    expect(containment(new Set(), listing).share).toBe(0);
  });
});
