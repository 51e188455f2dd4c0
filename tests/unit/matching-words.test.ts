import { describe, expect, it } from "vitest";
import { allGroups, synonymGroups } from "../../search/matching/glossary";
import { analyse } from "../../search/matching/segment.server";

const ids = (text: string) => analyse(text).map((t) => t.id);
const surfaces = (text: string) => analyse(text).map((t) => t.surface);
const HAN = /\p{Script=Han}/u;

describe("Chinese words, not character windows", () => {
  it("cuts 无人飞行器巡护 into the words 无人飞行器 and 巡护", () => {
    expect(surfaces("无人飞行器巡护")).toEqual(["无人飞行器", "巡护"]);
    expect(surfaces("防汛排涝专家知识库")).toEqual(expect.arrayContaining(["防汛", "排涝", "专家", "知识库"]));
    // No fixed-width window survives: 无人飞行 / 飞行器巡 were what the old matcher searched for.
    expect(surfaces("无人飞行器巡护")).not.toContain("飞行器巡");
  });

  it("keeps the glossary's terms whole and splits other long words into their parts at half weight", () => {
    expect(analyse("糖尿病视网膜病变筛查").map((t) => t.surface)).toEqual(expect.arrayContaining(["糖尿病视网膜病变", "筛查"]));
    const parts = analyse("国土空间规划").filter((t) => t.weight < 1).map((t) => t.surface);
    expect(parts).toEqual(expect.arrayContaining(["国土", "规划"]));
  });
});

describe("synonyms apply to words, across scripts", () => {
  it("无人飞行器, 无人机, UAV, drone and drones are one word", () => {
    const uav = ids("无人机")[0];
    expect(uav).toMatch(/^g:/);
    for (const text of ["无人飞行器", "UAV", "drone", "drones", "unmanned aerial vehicles"]) expect(ids(text)).toEqual([uav]);
  });

  it("reads English phrases of the glossary as one word, and English inflections as the same word", () => {
    expect(ids("knowledge graphs")).toEqual(ids("知识图谱"));
    expect(ids("diabetic retinopathy")).toEqual(ids("糖网病"));
    expect(ids("bearings")).toEqual(ids("bearing"));
  });
});

describe("what is never evidence", () => {
  it("drops filler: 自动, 智能, 系统, 平台, 数字 and their kin", () => {
    expect(analyse("提供人工智能系统建设服务")).toEqual([]);
    expect(analyse("自动 智能 系统 平台 数字 数字化 解决方案")).toEqual([]);
    expect(analyse("We deliver end-to-end AI solutions and smart platforms for every industry")).toEqual([]);
  });

  it("drops place names and organisation names, parts included", () => {
    expect(analyse("河南省文物局")).toEqual([]);
    expect(analyse("郑州市林业局")).toEqual([]);
    expect(analyse("登封市嵩山黄河")).toEqual([]);
    const words = surfaces("河南省文物局推进文物数字化保护");
    expect(words).toEqual(expect.arrayContaining(["文物", "数字化保护"]));
    for (const name of ["河南", "河南省", "文物局", "推进"]) expect(words).not.toContain(name);
  });

  it("marks words made only of filler and generic words as generic (自动识别, 实时监测)", () => {
    expect(analyse("自动识别").every((t) => t.kind === "generic")).toBe(true);
    expect(analyse("识别 监测 预测 数据 recognition monitoring").every((t) => t.kind === "generic")).toBe(true);
    expect(analyse("绝缘子")[0]!.kind).toBe("domain");
  });
});

describe("the glossary", () => {
  const groups = allGroups();

  it("holds at least 300 Chinese–English terms of the plans' sectors and technologies", () => {
    const bilingual = groups.filter((g) => g.kind !== "generic" && g.terms.some((t) => HAN.test(t)) && g.terms.some((t) => !HAN.test(t)));
    expect(bilingual.length).toBeGreaterThanOrEqual(300);
  });

  it("never puts a term in two groups, and the segmenter reads every term as its group", () => {
    const seen = new Set<string>();
    for (const group of groups) {
      for (const term of group.terms) {
        expect(seen.has(term.toLowerCase()), term).toBe(false);
        seen.add(term.toLowerCase());
        expect(ids(term)[0], term).toBe(`g:${group.terms[0]}`);
      }
    }
  });

  it("sends technologies and sector terms to Meilisearch, never the generic words", () => {
    const sent = new Set(synonymGroups().flat());
    expect(sent.has("无人飞行器")).toBe(true);
    expect(sent.has("识别")).toBe(false);
    expect(sent.has("数据")).toBe(false);
  });
});
