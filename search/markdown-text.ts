import { Lexer, type Token, type Tokens } from "marked";

/**
 * Markdown → plain text for the index. Markup (`##`, `**`, link URLs, HTML tags) must neither
 * match queries nor show up in highlighted snippets, so only the words a reader sees are kept.
 */
export function markdownToText(markdown: string): string {
  if (!markdown.trim()) return "";
  const parts: string[] = [];
  walk(Lexer.lex(markdown, { gfm: true }), parts);
  return parts.join("").replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n").trim();
}

const BLOCKS = new Set(["heading", "paragraph", "blockquote", "list_item", "code", "table", "hr", "space"]);

function walk(tokens: readonly Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case "list":
        for (const item of (token as Tokens.List).items) walk([item], out);
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          for (const cell of row) {
            walk(cell.tokens, out);
            out.push(" ");
          }
          out.push("\n");
        }
        break;
      }
      case "image":
        out.push((token as Tokens.Image).text);
        break;
      case "html":
      case "tag":
        out.push(stripTags(token.raw));
        break;
      case "br":
        out.push("\n");
        break;
      default:
        if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0) walk(token.tokens, out);
        else if ("text" in token && typeof token.text === "string") out.push(decodeEntities(token.text));
    }
    if (BLOCKS.has(token.type) || (token.type === "html" && (token as Tokens.HTML).block)) out.push("\n");
  }
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " "));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
