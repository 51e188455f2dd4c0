import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Descriptions are written by officers but read by everyone: the Markdown is rendered and then
// sanitised against an allow-list, so raw HTML, scripts, event handlers and javascript: links never reach a page.
const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "strong", "b", "em", "i", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
  "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
];

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      // The page already has the h1 (title) and h2 (section); the description's headings sit below them.
      h1: "h3",
      h2: "h4",
      a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
    },
  });
}
