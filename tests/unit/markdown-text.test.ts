import { Lexer, type Token, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { SCENARIOS, currentScenarioValues } from "../../prisma/seed-data/scenarios";
import { VENDORS } from "../../prisma/seed-data/vendors";
import { markdownToText } from "../../search/markdown-text";

// The index's Markdown → text is a line scanner, not a parser (it is on the reindex's hot path). It is
// held here to the words a full CommonMark/GFM parser (marked, which renders the pages) leaves a
// reader, on every text of the seed and on hostile ones, and to the exact text on a few.
const BLOCKS = new Set(["heading", "paragraph", "blockquote", "list_item", "code", "table", "hr", "space", "html"]);
function parserWords(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === "list") for (const item of (token as Tokens.List).items) walk([item]);
      else if (token.type === "table") {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) for (const cell of row) {
          walk(cell.tokens);
          out.push(" ");
        }
      } else if (token.type === "image") out.push((token as Tokens.Image).text);
      else if (token.type === "html" || token.type === "tag") out.push(token.raw.replace(/<[^>]*>/g, " "));
      else if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0) walk(token.tokens);
      else if ("text" in token && typeof token.text === "string") out.push(token.text);
      if (BLOCKS.has(token.type)) out.push(" ");
    }
  };
  walk(Lexer.lex(markdown, { gfm: true }));
  return words(out.join("").replace(/&(lt|gt|quot|#39|amp);/g, " "));
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const textWords = (markdown: string) => words(markdownToText(markdown).replace(/[<>"'&]/g, " "));

const HOSTILE = [
  "# 标题 #\n\n正文**加粗**和*斜体*以及~~删除~~。",
  "Setext 标题\n===\n\n副标题\n---\n\n***\n\n___",
  "> 引用 **强调**\n> > 嵌套引用\n> - 引用中的列表",
  "[政策原文](https://www.zhengzhou.gov.cn/a?b=c \"标题\") 与 ![图](x.png \"t\") 及 [参考][ref]\n\n[ref]: https://example.com/ref",
  "自动链接 <https://example.com/path> 和邮箱 <ops@example.com>",
  '<div class="note">HTML 块 <span style="color:red">红字</span></div>\n\n<!-- 注释 -->',
  "```python\nprint('代码 keep')\n```\n\n~~~\n波浪围栏\n~~~\n\n    缩进代码",
  "```\n```python\n代码 [链接](http://u)\n```",
  "行内 `code_with_underscores` 与 snake_case_name 和 __init__ 以及 _强调_",
  "实体 &amp; &lt;tag&gt; &quot;q&quot; &#39;s&#39;",
  "转义 \\*不是强调\\* 和 \\# 不是标题 \\[不是链接\\](x)",
  "1. 第一\n2. 第二\n\n10. 第十\n\n* 星号列表\n+ 加号列表\n- 减号列表",
  "Mixed English **bold** text with a URL https://bare.example.com/x and e-mail a@b.com.",
  "标题后紧跟文字#不是标题\n#也不是标题",
  "<b>粗体</b>与<br/>换行<img src=x onerror=alert(1)> ![](empty-alt.png) 空替代文本",
  "a * b * c 和 2*3=6 与 x_y_z",
];

describe("markdownToText", () => {
  it("leaves the words a Markdown parser leaves, on every description and profile of the seed", () => {
    const texts = [
      ...SCENARIOS.map((s) => currentScenarioValues(s).description),
      ...VENDORS.flatMap((v) => [v.intro, v.introEn ?? ""]),
    ].filter((t) => t.trim());
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) expect(textWords(text), text).toEqual(parserWords(text));
  });

  it("leaves the words a Markdown parser leaves on hostile markup: no URL, tag, attribute or marker survives", () => {
    for (const text of HOSTILE) expect(textWords(text), text).toEqual(parserWords(text));
    const all = markdownToText(HOSTILE.join("\n\n"));
    expect(all).not.toMatch(/zhengzhou\.gov|example\.com\/ref|class=|style=|onerror|<span|\*\*|~~|^[-+>] /m);
  });

  it("keeps table cells, code and image text; drops tags; one line per block", () => {
    expect(markdownToText("| 指标 | 值 |\n|---|---|\n| 准确率 | 95% |\n\n`API` <b>粗体</b> ![示意图](a.png)")).toBe("指标 值\n准确率 95%\nAPI 粗体 示意图");
    expect(markdownToText("## 背景\n\n- **重点**内容\n- 第二项")).toBe("背景\n重点内容\n第二项");
    expect(markdownToText("   ")).toBe("");
  });
});
