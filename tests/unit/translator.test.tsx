import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Highlight } from "~/components/search-highlight";
import { translator } from "~/utils/i18n";

describe("translator", () => {
  it("fills every placeholder, the same one twice, from numbers and strings, in both languages", () => {
    const zh = translator("zh-CN");
    const en = translator("en");
    expect(zh("search.facet.more", { n: 12 })).toBe("更多（12）");
    expect(en("search.facet.countLabel", { n: 3 })).toBe("3 results");
    expect(en("common.page", { page: 2, pages: 9 })).toMatch(/2.*9/);
    // A template read twice gives the same text (the split is kept between calls).
    expect(zh("search.facet.more", { n: 7 })).toBe("更多（7）");
  });

  it("leaves a placeholder it has no value for, and returns a template without values as it is", () => {
    const zh = translator("zh-CN");
    expect(zh("search.facet.more", {})).toBe("更多（{n}）");
    expect(zh("search.facet.more")).toBe("更多（{n}）");
  });
});

describe("Highlight", () => {
  it("renders marked words as <mark> and everything else as escaped text", () => {
    expect(renderToString(<Highlight text="智慧<mark>防汛</mark>平台" />)).toBe("智慧<mark>防汛</mark>平台");
    expect(renderToString(<Highlight text="a < b & c" />)).toBe("a &lt; b &amp; c");
    expect(renderToString(<Highlight text="<mark>x</mark>" />)).toBe("<mark>x</mark>");
  });
});
