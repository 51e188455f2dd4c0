import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATUSES, MAX_PAGE, MAX_QUERY_LENGTH, SEARCHABLE_STATUSES, activeScenarioFilters, deadlineBounds, hrefOf,
  parseScenarioSearch, parseVendorSearch, serializeScenarioSearch, serializeVendorSearch, withoutScenarioFilter,
  type ScenarioSearchState, type VendorSearchState,
} from "../../search/search-params";
import { SEARCHABLE_STATUSES as INDEXED_STATUSES } from "../../search/documents";
import { highlighting, markTerms, splitHighlight } from "../../search/highlight";

const parse = (qs: string) => parseScenarioSearch(new URLSearchParams(qs));

const DEFAULTS: ScenarioSearchState = {
  q: "", sector: [], district: [], mechanism: [], status: ["published"], department: [], budget: [],
  deadline: null, tag: [], sort: "relevance", page: 1,
};

describe("scenario search URL state", () => {
  it("an empty URL is the default search: open calls, by relevance, page 1", () => {
    expect(parse("")).toEqual(DEFAULTS);
    expect(serializeScenarioSearch(DEFAULTS).toString()).toBe("");
    expect(hrefOf("/scenarios", serializeScenarioSearch(DEFAULTS))).toBe("/scenarios");
  });

  it("round-trips a full search through the URL", () => {
    const state: ScenarioSearchState = {
      q: "水位 预测", sector: ["healthcare", "disaster_prevention"], district: ["erqi"], mechanism: ["horse_race"],
      status: ["published", "closed"], department: ["cm0abcdefghijklmnop"], budget: ["50w_200w", "negotiable"],
      deadline: "30d", tag: ["llm", "predictive_analytics"], sort: "deadline", page: 3,
    };
    const params = serializeScenarioSearch(state);
    const back = parseScenarioSearch(params);
    // Lists come back in catalog order, which is how the serialiser writes them: a canonical URL.
    expect(back).toEqual({ ...state, sector: ["healthcare", "disaster_prevention"], tag: ["llm", "predictive_analytics"] });
    expect(serializeScenarioSearch(back).toString()).toBe(params.toString());
    expect(params.getAll("sector")).toEqual(["healthcare", "disaster_prevention"]);
  });

  it("writes every public status as status=all and reads it back", () => {
    const all = { ...DEFAULTS, status: [...SEARCHABLE_STATUSES] };
    expect(serializeScenarioSearch(all).toString()).toBe("status=all");
    expect(parse("status=all").status).toEqual([...SEARCHABLE_STATUSES]);
    expect(parse("status=all&status=closed").status).toEqual([...SEARCHABLE_STATUSES]);
    // One chip for "all", whose removal goes back to the default.
    const chips = activeScenarioFilters(all);
    expect(chips).toEqual([{ name: "status", value: "all" }]);
    expect(withoutScenarioFilter(all, chips[0]!).status).toEqual(DEFAULT_STATUSES);
  });

  it("ignores unknown and malicious values instead of failing", () => {
    const state = parse(
      "sector=healthcare&sector=nope&sector=healthcare&district=atlantis&mechanism=bribery&budget=1e9" +
        "&deadline=yesterday&tag=llm&tag=%3Cscript%3E&sort=random&page=-4&department=x%22%20OR%201%3D1",
    );
    expect(state).toEqual({ ...DEFAULTS, sector: ["healthcare"], tag: ["llm"] });
  });

  it("never lets the URL ask for drafts or cancelled listings", () => {
    expect(parse("status=draft").status).toEqual(DEFAULT_STATUSES);
    expect(parse("status=cancelled&status=draft").status).toEqual(DEFAULT_STATUSES);
    expect(parse("status=cancelled&status=awarded").status).toEqual(["awarded"]);
  });

  it("clamps the page and reads empty form fields as absent", () => {
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse(`page=${MAX_PAGE + 1}`).page).toBe(1);
    expect(parse("page=7").page).toBe(7);
    // What a GET form sends when nothing is typed or chosen.
    expect(parse("q=&sort=&deadline=&page=")).toEqual(DEFAULTS);
  });

  it("tidies the query: whitespace collapsed, control characters dropped, length capped", () => {
    expect(parse("q=%20%20%E6%B0%B4%E4%BD%8D%0A%0A%E9%A2%84%E6%B5%8B%00%20").q).toBe("水位 预测");
    expect(parse(`q=${"很".repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("removing a filter keeps the rest and returns to page 1", () => {
    const state = parse("q=影像&sector=healthcare&district=gaoxin&status=closed&deadline=7d&page=4");
    const filters = activeScenarioFilters(state);
    expect(filters.map((f) => f.name)).toEqual(["q", "sector", "district", "status", "deadline"]);
    const noSector = withoutScenarioFilter(state, { name: "sector", value: "healthcare" });
    expect(noSector).toEqual({ ...state, sector: [], page: 1 });
    // The last status falls back to the default (open calls), never to "nothing".
    expect(withoutScenarioFilter(state, { name: "status", value: "closed" }).status).toEqual(DEFAULT_STATUSES);
    expect(withoutScenarioFilter(state, { name: "q", value: "影像" }).q).toBe("");
    expect(withoutScenarioFilter(state, { name: "deadline", value: "7d" }).deadline).toBeNull();
  });

  it("the status list matches the statuses the index holds", () => {
    expect([...SEARCHABLE_STATUSES].sort()).toEqual([...INDEXED_STATUSES].sort());
  });

  it("deadline windows are Beijing calendar days counted from today", () => {
    // 2026-05-01 06:00 in Beijing; Beijing midnight is 16:00 UTC the day before.
    const now = new Date("2026-04-30T22:00:00Z");
    expect(deadlineBounds("7d", now)).toEqual({ from: new Date("2026-04-30T16:00:00Z"), before: new Date("2026-05-08T16:00:00Z") });
    expect(deadlineBounds("30d", now)).toEqual({ from: new Date("2026-04-30T16:00:00Z"), before: new Date("2026-05-31T16:00:00Z") });
    expect(deadlineBounds("later", now)).toEqual({ from: new Date("2026-05-31T16:00:00Z") });
    expect(deadlineBounds("passed", now)).toEqual({ before: new Date("2026-04-30T16:00:00Z") });
  });
});

describe("vendor directory URL state", () => {
  const VDEFAULTS: VendorSearchState = { q: "", sector: [], tag: [], district: [], type: [], verified: false, sort: "relevance", page: 1 };

  it("round-trips and ignores bad input", () => {
    const state: VendorSearchState = {
      q: "水库", sector: ["disaster_prevention"], tag: ["digital_twin"], district: ["zhengdong"], type: ["institute"],
      verified: true, sort: "cases", page: 2,
    };
    expect(parseVendorSearch(serializeVendorSearch(state))).toEqual(state);
    expect(parseVendorSearch(new URLSearchParams("type=department&verified=maybe&sort=name&page=0"))).toEqual(VDEFAULTS);
    expect(serializeVendorSearch(VDEFAULTS).toString()).toBe("");
  });
});

describe("highlights", () => {
  it("splits on the markers and never interprets anything else as markup", () => {
    expect(splitHighlight("重点水库<mark>水位</mark>智能预测")).toEqual([
      { text: "重点水库", marked: false }, { text: "水位", marked: true }, { text: "智能预测", marked: false },
    ]);
    expect(splitHighlight("<b>粗体</b> & <img src=x onerror=alert(1)>")).toEqual([
      { text: "<b>粗体</b> & <img src=x onerror=alert(1)>", marked: false },
    ]);
  });

  it("asks Meilisearch for a marked text once, in _formatted, and marks nothing without words", () => {
    expect(highlighting("  ", ["id", "title", "summary"], ["title"])).toEqual({ attributesToRetrieve: ["id", "title", "summary"] });
    expect(highlighting("水位", ["id", "title", "summary"], ["title", "titleEn"])).toEqual({
      attributesToRetrieve: ["id", "summary"], attributesToHighlight: ["title", "titleEn"], highlightPreTag: "<mark>", highlightPostTag: "</mark>",
    });
  });

  it("the fallback marks terms literally and case-insensitively", () => {
    expect(markTerms("AI water-level prediction", ["Water", "a.i"])).toBe("AI <mark>water</mark>-level prediction");
    expect(markTerms("预测(水位)", ["(水位)"])).toBe("预测<mark>(水位)</mark>");
  });
});
