import { describe, expect, it } from "vitest";
import { explainPair } from "../../search/matching/explain";
import { scoreMatch } from "../../search/matching/score";
import { capabilityOf, needOf, type CapabilityText } from "../../search/matching/sides.server";
import type { ScenarioFacts, VendorFacts } from "../../search/matching/types";

const forestFire = {
  id: "s1", sector: "disaster_prevention", techTags: ["uav", "computer_vision"], district: "dengfeng",
  title: "嵩山林区无人飞行器森林防火巡护", titleEn: "UAV forest-fire patrols over the Songshan forest",
  summary: "利用无人飞行器对嵩山林区开展常态化巡护，自动识别烟点、火点并回传坐标。",
  summaryEn: "Routine UAV patrols that detect smoke and fire spots automatically and report their coordinates.",
  description: "## 背景\n郑州市林业局负责嵩山林区防火，河南省行动计划提出火灾防控。",
} satisfies ScenarioFacts & Parameters<typeof needOf>[0];

type Profile = CapabilityText & Omit<VendorFacts, "id" | "verified">;
const droneMaker: Profile = {
  intro: "Autonomous drones for forest fire patrol; dual-sensor payloads detect smoke and hotspots in real time.",
  products: ["Wildfire patrol drone", "Thermal smoke detection payload"],
  pastCases: [{ title: "Drone wildfire patrols for a national forest park", sector: "disaster_prevention", year: 2024, summary: "Smoke detected within 2 minutes." }],
  sectors: ["disaster_prevention"], techTags: ["uav", "computer_vision"], districts: ["dengfeng"],
};
const catchAll: Profile = {
  intro: "全栈人工智能解决方案提供商，拥有大模型、计算机视觉、语音识别、知识图谱、数字孪生、无人机、机器人、物联网等能力，服务政务、医疗、教育、交通、工业、农业、金融、文旅、能源、应急等各行业。",
  products: ["全域AI中台", "行业大模型平台"],
  pastCases: [{ title: "某市城市大脑建设", sector: "social_governance", year: 2023, summary: "建设城市级AI中台。" }],
  sectors: ["healthcare", "industry", "agriculture", "culture_tourism", "social_governance", "government_services", "ecology", "disaster_prevention", "transport", "education", "research", "finance", "logistics", "energy", "human_resources", "consumption", "spatiotemporal"],
  techTags: ["llm", "computer_vision", "uav", "robotics", "knowledge_graph", "speech_recognition", "digital_twin", "smart_sensors", "edge_computing", "nlp", "multimodal", "ai_agent", "ocr", "predictive_analytics", "remote_sensing"],
  districts: ["dengfeng", "zhengzhou", "henan"],
};
const sameSectorFloodFirm: Profile = {
  intro: "水情监测与山洪预警企业，提供雨量水位遥测站和山洪预警平台。",
  products: ["雨量水位遥测终端", "山洪灾害预警平台"],
  pastCases: [{ title: "山丘区山洪灾害监测预警", sector: "disaster_prevention", year: 2023, summary: "建设雨量站85个。" }],
  sectors: ["disaster_prevention"], techTags: ["smart_sensors"], districts: ["dengfeng"],
};

function pair(profile: Profile) {
  const vendor: VendorFacts = { id: "v", verified: false, ...profile };
  const result = explainPair(forestFire, needOf(forestFire), vendor, capabilityOf(profile));
  const score = scoreMatch({
    ...result, listingTagCount: forestFire.techTags.length,
    claims: { sectors: profile.sectors.length, tags: profile.techTags.length, districts: profile.districts.length },
  });
  return { ...result, score };
}

describe("explainPair", () => {
  it("matches an English-only profile to a Chinese listing through the glossary, naming the words in both languages", () => {
    const { explanation, score } = pair(droneMaker);
    const terms = explanation.matchedTerms;
    expect(terms).toEqual(expect.arrayContaining([expect.objectContaining({ zh: "无人飞行器" }), expect.objectContaining({ zh: "烟点" })]));
    expect(terms.find((t) => t.zh === "无人飞行器")!.en).toMatch(/^(uav|drones?)$/i);
    expect(explanation.matchedProducts).toContain("Wildfire patrol drone");
    expect(explanation.similarCases.map((c) => c.title)).toEqual(["Drone wildfire patrols for a national forest park"]);
    expect(score.aboveFloor).toBe(true);
  });

  it("keeps a catch-all profile and a same-sector firm with the wrong technology below the floor", () => {
    const specialist = pair(droneMaker).score.score;
    for (const profile of [catchAll, sameSectorFloodFirm]) {
      const { score } = pair(profile);
      expect(score.aboveFloor).toBe(false);
      expect(score.score).toBeLessThan(specialist / 2);
    }
  });

  it("never counts places or the publishing department's name as a shared word", () => {
    const local: Profile = { ...sameSectorFloodFirm, intro: "郑州市林业局和河南省文物局的合作单位，登封市、嵩山脚下的本地企业。", products: [], pastCases: [] };
    expect(pair(local).explanation.matchedTerms).toEqual([]);
  });

  it("names shared sectors, tags in the listing's order and the district, which alone never show a match", () => {
    const { explanation, score } = pair({ ...sameSectorFloodFirm, techTags: ["computer_vision", "uav"], products: [], pastCases: [], intro: "专注教育行业。" });
    expect(explanation.sharedSectors).toEqual(["disaster_prevention"]);
    expect(explanation.sharedTags).toEqual(["uav", "computer_vision"]);
    expect(explanation.districtMatch).toBe(true);
    expect(explanation.matchedTerms).toEqual([]);
    expect(score.aboveFloor).toBe(false);
  });
});
