import { describe, expect, it } from "vitest";
import { matchedPhrases } from "../../app/modules/evaluation/expertise-text";
import { compareSuggestions, expertFit, scoreSuggestion, type SuggestionScore } from "../../app/modules/evaluation/suggestion-score";

const flood = {
  sector: "disaster_prevention", techTags: ["llm", "knowledge_graph"],
  title: "防汛指挥专家知识库与智能问答", summary: "面向防汛值守的预案检索与水文预报问答。", kpis: ["问答准确率 ≥ 90%"],
};

describe("expert fit", () => {
  it("gives sector 30, the share of the scenario's tags out of 30 and 40/3 per matched expertise phrase", () => {
    const fit = expertFit(flood, { sectors: ["disaster_prevention"], techTags: ["llm"], expertise: "防汛值守、水文预报、知识图谱、交通调度" });
    expect(fit.parts).toEqual({ sector: 30, tags: 15, text: 26.7 });
    expect(fit.score).toBe(71.7);
    expect(fit.sharedSectors).toEqual(["disaster_prevention"]);
    expect(fit.sharedTags).toEqual(["llm"]);
    expect(fit.matchedTerms).toEqual(["防汛值守", "水文预报"]);
  });

  it("scores nothing for an unrelated expert, and filler words are not evidence", () => {
    const fit = expertFit(flood, { sectors: ["healthcare"], techTags: ["computer_vision"], expertise: "人工智能系统平台、医学影像" });
    expect(fit).toMatchObject({ score: 0, matchedTerms: [], sharedTags: [], sharedSectors: [] });
  });

  it("caps the text part at three phrases", () => {
    const fit = expertFit(flood, { sectors: [], techTags: [], expertise: "防汛、预案检索、水文预报、值守问答、专家知识库" });
    expect(fit.parts.text).toBe(40);
  });

  it("matches a phrase when half of its bigrams are in the scenario", () => {
    expect(matchedPhrases("水文预报模型", "水文预报")).toEqual(["水文预报模型"]);
    expect(matchedPhrases("交通信号优化", "水文预报")).toEqual([]);
  });
});

describe("ranking with load", () => {
  const expert = { sectors: ["disaster_prevention"], techTags: ["llm", "knowledge_graph"], expertise: "防汛" };
  const item = (name: string, score: SuggestionScore) => ({ name, score });

  it("takes up to 20 points for load, so the less busy of two equal fits ranks first", () => {
    const idle = scoreSuggestion(flood, expert, { active: 0, maxConcurrent: 4 });
    const busy = scoreSuggestion(flood, expert, { active: 2, maxConcurrent: 4 });
    expect(idle.rank - busy.rank).toBe(10);
    expect([item("忙", busy), item("闲", idle)].sort(compareSuggestions).map((i) => i.name)).toEqual(["闲", "忙"]);
  });

  it("puts an expert at capacity after everyone with room, whatever the fit, and marks them", () => {
    const full = scoreSuggestion(flood, expert, { active: 3, maxConcurrent: 3 });
    const weak = scoreSuggestion(flood, { sectors: [], techTags: [], expertise: "" }, { active: 0, maxConcurrent: 3 });
    expect(full.load.full).toBe(true);
    expect(full.fit.score).toBeGreaterThan(weak.fit.score);
    expect([item("满", full), item("弱", weak)].sort(compareSuggestions).map((i) => i.name)).toEqual(["弱", "满"]);
  });
});
