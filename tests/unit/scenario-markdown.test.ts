import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/modules/scenarios/markdown.server";

describe("scenario description Markdown", () => {
  it("renders lists, tables and emphasis", () => {
    const html = renderMarkdown("**重点**\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>重点</strong>");
    expect(html).toContain("<li>一</li>");
    expect(html).toContain("<table>");
  });

  it("strips scripts, event handlers, images and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[点我](javascript:alert(3)) <a href="#" onclick="alert(4)">x</a>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img|<iframe/i);
  });

  it("marks links nofollow and keeps the page's heading order", () => {
    const html = renderMarkdown("# 背景\n\n## 现状\n\n[政策原文](https://www.zhengzhou.gov.cn/)");
    expect(html).toContain("<h3>背景</h3>");
    expect(html).toContain("<h4>现状</h4>");
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).not.toContain("<h1");
  });
});
