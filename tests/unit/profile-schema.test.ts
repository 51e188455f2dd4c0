import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { ProfileSchema, pastCasesSchema, pastCasesToRows, sectorFrom } from "../../app/modules/organisations/profile-schema";

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
      "pastCases[0].title": "黄河防汛知识库", "pastCases[0].sector": "disaster_prevention", "pastCases[0].year": "2024", "pastCases[0].summary": "汛期值守问答",
      "pastCases[1].title": "", "pastCases[1].sector": "", "pastCases[1].year": "", "pastCases[1].summary": "",
      "pastCases[2].title": "水库水位预测", "pastCases[2].sector": "ecology", "pastCases[2].year": "2023",
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

  it("reports every bad case row in one round, each on its cell", () => {
    const result = parse({
      "pastCases[0].title": "好案例", "pastCases[0].sector": "healthcare", "pastCases[0].year": "2022",
      "pastCases[1].title": "只有名称",
      "pastCases[2].title": "坏年份", "pastCases[2].sector": "healthcare", "pastCases[2].year": "22",
      "pastCases[3].title": "未知领域", "pastCases[3].sector": "mining", "pastCases[3].year": "2021",
      intro: "",
    });
    expect(result.error).toEqual({
      intro: ["v.required"],
      "pastCases[1].sector": ["pfv.row.caseSector"], "pastCases[1].year": ["pfv.row.caseYear"],
      "pastCases[2].year": ["pfv.row.caseYear"],
      "pastCases[3].sector": ["pfv.row.caseSector"],
    });
  });
});

describe("past case rows", () => {
  it("refuse years far in the future", () => {
    const schema = pastCasesSchema(new Date("2026-03-01"));
    expect(schema.safeParse([{ title: "案例", sector: "agriculture", year: 2031 }]).error?.issues.map((i) => i.message)).toEqual(["pfv.row.caseYear"]);
    expect(schema.safeParse([{ title: "案例", sector: "agriculture", year: 2027 }]).success).toBe(true);
  });

  it("round-trip through the form's rows", () => {
    const cases = [{ title: "智慧停车", sector: "transport", year: 2024, summary: "" }, { title: "处方前置审核", sector: "healthcare", year: 2023, summary: "三甲医院" }];
    const rows = pastCasesToRows(cases).map((r) => ({ ...r, year: Number(r.year) }));
    expect(pastCasesSchema().parse(rows)).toEqual(cases);
  });

  it("sectorFrom knows keys and labels", () => {
    expect(sectorFrom("医疗健康")).toBe("healthcare");
    expect(sectorFrom("HEALTHCARE")).toBe("healthcare");
    expect(sectorFrom("采矿")).toBeNull();
  });
});
