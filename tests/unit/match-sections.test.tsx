import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MatchWhy } from "~/components/match-explanation";
import { MatchVendorSection } from "~/components/match-vendor-list";
import { LocaleContext, type Locale } from "~/utils/i18n";
import type { Explanation, ScoreBreakdown } from "../../search/matching/types";

const html = (locale: Locale, node: React.ReactNode) => renderToStaticMarkup(<LocaleContext.Provider value={locale}>{node}</LocaleContext.Provider>);
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const explanation: Explanation = {
  matchedTerms: [{ zh: "无人飞行器", en: "drones" }, { zh: "烟点", en: "smoke" }, { zh: "巡山", en: null }],
  matchedProducts: ["Wildfire patrol drone"],
  sharedSectors: ["disaster_prevention"], sharedTags: ["uav"],
  similarCases: [{ title: "Drone wildfire patrols for a national forest park", year: 2024, sector: "disaster_prevention", similarity: 0.6 }],
  districtMatch: false,
};
const score: ScoreBreakdown = { score: 82, parts: { text: 55, sector: 8, tags: 4, cases: 12, district: 0 }, base: 79, feedbackPenalty: 0, verifiedBonus: 3, aboveFloor: true };

describe("'no good match' on the department's scenario page", () => {
  it("says so plainly in Chinese and in English", () => {
    const empty = { status: "ok" as const, matches: [], belowFloor: 4 };
    const zh = text(html("zh-CN", <MatchVendorSection result={empty} district="zhengzhou" />));
    expect(zh).toContain("暂无合适的揭榜方");
    expect(zh).toContain("另有 4 项候选证据不足或匹配度明显偏低，未予显示。");
    const en = text(html("en", <MatchVendorSection result={empty} district="zhengzhou" />));
    expect(en).toContain("No good match");
    expect(en).toContain("4 more candidates had too little evidence");
  });
});

describe("why a pair matched, in each language", () => {
  it("names the shared words in the reader's language, then the products and cases that show them", () => {
    const zh = text(html("zh-CN", <MatchWhy explanation={explanation} score={score} />));
    expect(zh).toContain("匹配词 无人飞行器 烟点 巡山");
    expect(zh).toContain("相关产品 Wildfire patrol drone");
    expect(zh).toContain("相似案例 Drone wildfire patrols for a national forest park（2024）");
    const en = text(html("en", <MatchWhy explanation={explanation} score={score} />));
    expect(en).toContain("Matched terms drones smoke 巡山");
    expect(en).toContain("Relevant products Wildfire patrol drone");
    expect(en).toContain("Verified organisation: +3 points");
  });
});
