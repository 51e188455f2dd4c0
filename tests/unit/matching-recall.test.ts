import { describe, expect, it } from "vitest";
import { SCENARIO_TEXT_FIELDS } from "../../search/matching/scenarios-for-vendor.server";
import { VENDOR_TEXT_FIELDS } from "../../search/matching/vendors-for-scenario.server";
import { MAX_QUERIES, recallQueries } from "../../search/matching/recall.server";
import { needOf } from "../../search/matching/sides.server";
import { SETTINGS } from "../../search/settings";

describe("what matching searches", () => {
  it("searches the other side's own text, never label fields, names or the publishing department", () => {
    for (const field of [...SCENARIO_TEXT_FIELDS, ...VENDOR_TEXT_FIELDS]) expect(field).not.toMatch(/Labels$|^name|departmentName/);
    // Meilisearch refuses attributesToSearchOn outside the searchable attributes.
    expect(SETTINGS.scenarios.searchableAttributes).toEqual(expect.arrayContaining([...SCENARIO_TEXT_FIELDS]));
    expect(SETTINGS.vendors.searchableAttributes).toEqual(expect.arrayContaining([...VENDOR_TEXT_FIELDS]));
  });

  it("queries a listing's words of substance, most telling first, glossary words by their Chinese name", () => {
    const need = needOf({
      title: "嵩山林区无人飞行器森林防火巡护", titleEn: "UAV forest-fire patrols",
      summary: "利用无人飞行器对林区开展巡护，自动识别烟点、火点。", description: "河南省林业局负责。",
    });
    const queries = recallQueries(need.bag).map((q) => q.q);
    expect(queries).toEqual(expect.arrayContaining(["无人机", "森林防火", "巡护", "烟雾", "火点"]));
    // Generic words, filler, places and the department never become queries.
    for (const word of ["识别", "自动识别", "自动", "嵩山", "河南省", "林业局", "UAV", "patrols"]) expect(queries).not.toContain(word);
    expect(queries.length).toBeLessThanOrEqual(MAX_QUERIES);
  });
});
