import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { ProfileSchema, parsePastCases, pastCasesToText, sectorFrom } from "../../app/modules/organisations/profile-schema";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

const base = { updatedAt: "2026-01-05T08:00:00.000Z", intro: "专注防汛与应急领域的大模型应用。" };

function parse(fields: Record<string, string | string[]>) {
  const submission = parseWithZod(form({ ...base, ...fields }), { schema: ProfileSchema });
  // Errors by field name; undefined when the form is valid.
  return Object.assign(submission, { error: submission.status === "success" ? undefined : submission.error });
}

describe("ProfileSchema", () => {
  it("parses a full profile: lists, checkboxes, numbers and cases", () => {
    const result = parse({
      introEn: "LLM applications for flood control.",
      sectors: ["disaster_prevention", "ecology"],
      techTags: ["llm", "knowledge_graph"],
      districts: ["zhengdong", "gaoxin"],
      products: "防汛知识问答大模型 V2\n\n水位预测平台\n水位预测平台",
      certifications: "通过测评的大模型产品\n生成式人工智能服务备案",
      teamSize: "45",
      website: "https://flood-ai.example.cn",
      contactName: "张伟", contactPhone: "0371-6000 1234", contactEmail: "Contact@Flood-AI.example.cn",
      pastCases: "黄河防汛知识库 | 防灾减灾 | 2024 | 汛期值守问答\n水库水位预测 | ecology | 2023",
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({
      sectors: ["disaster_prevention", "ecology"],
      products: ["防汛知识问答大模型 V2", "水位预测平台"],
      certifications: ["通过测评的大模型产品", "生成式人工智能服务备案"],
      teamSize: 45,
      contactEmail: "contact@flood-ai.example.cn",
      pastCases: [
        { title: "黄河防汛知识库", sector: "disaster_prevention", year: 2024, summary: "汛期值守问答" },
        { title: "水库水位预测", sector: "ecology", year: 2023, summary: "" },
      ],
    });
  });

  it("requires the Chinese introduction and limits it to 2000 characters", () => {
    expect(parse({ intro: "" }).error?.intro).toEqual(["v.required"]);
    expect(parse({ intro: "长".repeat(2001) }).error?.intro).toEqual(["v.tooLong"]);
    expect(parse({ intro: "长".repeat(2000) }).status).toBe("success");
  });

  it("accepts only http(s) websites", () => {
    expect(parse({ website: "javascript:alert(1)" }).error?.website).toEqual(["pfv.website"]);
    expect(parse({ website: "ftp://example.cn" }).error?.website).toEqual(["pfv.website"]);
    expect(parse({ website: "http://example.cn/about" }).status).toBe("success");
  });

  it("refuses keys that are not in the catalogues", () => {
    expect(parse({ sectors: ["healthcare", "mining"] }).error?.["sectors[1]"]).toEqual(["pfv.unknownOption"]);
    expect(parse({ districts: ["beijing"] }).error?.["districts[0]"]).toEqual(["pfv.unknownOption"]);
  });

  it("refuses a bad team size, phone or missing token", () => {
    expect(parse({ teamSize: "0" }).error?.teamSize).toEqual(["pfv.teamSize"]);
    expect(parse({ teamSize: "3.5" }).error?.teamSize).toEqual(["pfv.teamSize"]);
    expect(parse({ contactPhone: "call me" }).error?.contactPhone).toEqual(["pfv.phone"]);
    const noToken = parseWithZod(form({ intro: "简介" }), { schema: ProfileSchema });
    expect(noToken.status === "error" && noToken.error?.updatedAt).toBeTruthy();
  });

  it("reports every bad case line with its line number", () => {
    const result = parse({ pastCases: "好案例 | 医疗健康 | 2022\n只有名称\n坏年份 | 医疗健康 | 22\n未知领域 | 采矿 | 2021" });
    expect(result.error?.pastCases).toEqual(["pfv.caseFormat@2", "pfv.caseYear@3", "pfv.caseSector@4"]);
  });
});

describe("past case lines", () => {
  it("accept full-width bars, English names and bars inside the summary", () => {
    const { cases, issues } = parsePastCases("甲骨文识别｜Culture & tourism｜2025｜识别率 | 召回率双提升", new Date("2026-03-01"));
    expect(issues).toEqual([]);
    expect(cases).toEqual([{ title: "甲骨文识别", sector: "culture_tourism", year: 2025, summary: "识别率 | 召回率双提升" }]);
  });

  it("refuse years far in the future", () => {
    expect(parsePastCases("案例 | 农业农村 | 2031", new Date("2026-03-01")).issues).toEqual([{ line: 1, key: "pfv.caseYear" }]);
    expect(parsePastCases("案例 | 农业农村 | 2027", new Date("2026-03-01")).issues).toEqual([]);
  });

  it("round-trip through the textarea form", () => {
    const cases = [{ title: "智慧停车", sector: "transport", year: 2024, summary: "" }, { title: "处方前置审核", sector: "healthcare", year: 2023, summary: "三甲医院" }];
    expect(parsePastCases(pastCasesToText(cases)).cases).toEqual(cases);
  });

  it("sectorFrom knows keys and labels", () => {
    expect(sectorFrom("医疗健康")).toBe("healthcare");
    expect(sectorFrom("HEALTHCARE")).toBe("healthcare");
    expect(sectorFrom("采矿")).toBeNull();
  });
});
