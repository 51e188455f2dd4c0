/**
 * Markdown → plain text for the index. Markup (`##`, `**`, link URLs, HTML tags) must neither
 * match queries nor show up in highlighted snippets, so only the words a reader sees are kept.
 *
 * Line by line with a few anchored patterns rather than a full Markdown parser: a full reindex turns
 * every description into text, and the parser cost more than everything else of building the
 * documents (ADR 013). The text only feeds the index, so it must keep the words a reader sees and drop
 * the markup; it need not rebuild the structure. tests/unit/markdown-text.test.ts holds it to the
 * words a full CommonMark parser sees, on the seed's texts and on hostile ones.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLOCK_MARKERS = /^(?: {0,3}> ?)*(?: {0,3}#{1,6}(?=\s|$)|\s*(?:[-+*]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/;
const DROPPED_LINE = /^ {0,3}(?:([-*_])(?:\s*\1){2,}|=+|-+|\[[^\]]+\]:\s*\S+.*)\s*$|^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
const INLINE_MARKUP = /[\\`*_~|[\]<>&]/;

export function markdownToText(markdown: string): string {
  if (!markdown.trim()) return "";
  const out: string[] = [];
  let fence = "";
  for (const line of markdown.split(/\r\n?|\n/)) {
    const opening = FENCE.exec(line);
    if (opening) {
      if (!fence) fence = opening[1]!;
      // A closing fence is at least as long as the opening one and carries no info string.
      else if (opening[1]!.startsWith(fence) && !line.slice(opening[0].length).trim()) fence = "";
      else out.push(line);
      continue;
    }
    if (fence) {
      out.push(line);
      continue;
    }
    if (DROPPED_LINE.test(line)) continue;
    const text = line.replace(BLOCK_MARKERS, "").replace(/\s+#+\s*$/, "");
    out.push(INLINE_MARKUP.test(text) ? inline(text) : text);
  }
  return out.join("\n").replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n").trim();
}

function inline(text: string): string {
  return decodeEntities(
    text
      .replace(/(?<!\\)!?\[([^\]]*?)(?<!\\)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/gi, "$1")
      .replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, " ")
      // Emphasis and code marks go; between two ASCII letters or digits (2*3) one was not markup.
      .replace(/(?<=[A-Za-z0-9])[*~`]+(?=[A-Za-z0-9])/g, " ")
      .replace(/\\([!-/:-@[-`{-~])|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|[*~`]+|\|/gu, (match: string, escaped: string | undefined) => escaped ?? (match === "|" ? " " : "")),
  );
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
