import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProposalFeedbackSection } from "~/components/proposal-feedback";
import { LocaleContext, type Locale } from "~/utils/i18n";

// The feedback section of the vendor's proposal page: a table of the vendor's own score per
// criterion against the average and the maximum, then the justifications numbered "专家 n".
const html = (locale: Locale, node: React.ReactNode) => renderToStaticMarkup(<LocaleContext.Provider value={locale}>{node}</LocaleContext.Provider>);
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const feedback = {
  proposalId: "p1", score: 61.234, rank: 4, of: 5, shortlisted: false,
  criteria: [
    { name: "技术方案", own: 24.5, average: 28.75, max: 40 },
    { name: "团队能力", own: null, average: 21, max: 30 },
  ],
  justifications: [{ evaluator: 2, criterion: "技术方案", text: "缺少汛期高峰并发压测数据。" }],
};

describe("the feedback section on the vendor's proposal page", () => {
  it("shows the table of own scores against the average, and the anonymised justifications, in Chinese", () => {
    const markup = html("zh-CN", <ProposalFeedbackSection feedback={feedback} />);
    const rows = [...markup.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
    expect(rows).toEqual(["评审项 本单位得分 全部申报平均 满分", "技术方案 24.5 28.75 40", "团队能力 — 21 30"]);
    const all = text(markup);
    expect(all).toContain("评审反馈");
    expect(all).toContain("本次未中选");
    expect(all).toContain("综合得分：61.23（满分 100）");
    expect(all).toContain("排名：第 4 名，共 5 份已评分申报");
    expect(all).toContain("专家 2 · 技术方案：缺少汛期高峰并发压测数据。");
  });

  it("tells a reserve candidate it was shortlisted, in English, and says when no justification was written", () => {
    const all = text(html("en", <ProposalFeedbackSection feedback={{ ...feedback, shortlisted: true, justifications: [] }} />));
    expect(all).toContain("on the shortlist as a reserve candidate");
    expect(all).toContain("Criterion Your score Average of all proposals Maximum");
    expect(all).toContain("The evaluators wrote no justifications.");
  });
});
