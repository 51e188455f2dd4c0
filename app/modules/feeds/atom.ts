// A small Atom 1.0 (RFC 4287) writer: the feeds here need entries with ids, dates, links, authors and
// categories, nothing a library would add. Text is escaped, and characters XML 1.0 cannot carry are dropped.

export type AtomLink = { href: string; rel?: string; type?: string; hreflang?: string };
export type AtomEntry = {
  id: string; title: string; updated: string; published?: string; link: string; summary: string;
  author: string; categories: { term: string; label: string }[];
};
export type AtomFeed = {
  id: string; title: string; updated: string; lang: string; selfUrl: string; alternateUrl: string; author: string;
  entries: AtomEntry[];
};

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
const attrs = (values: Record<string, string | undefined>) =>
  Object.entries(values).filter(([, v]) => v != null).map(([k, v]) => ` ${k}="${xmlEscape(v!)}"`).join("");

function entryXml(e: AtomEntry): string {
  return [
    "  <entry>",
    `    ${el("id", e.id)}`,
    `    ${el("title", e.title, ' type="text"')}`,
    `    ${el("updated", e.updated)}`,
    e.published ? `    ${el("published", e.published)}` : "",
    `    <link${attrs({ rel: "alternate", type: "text/html", href: e.link })}/>`,
    `    <author>${el("name", e.author)}</author>`,
    ...e.categories.map((c) => `    <category${attrs({ term: c.term, label: c.label })}/>`),
    `    ${el("summary", e.summary, ' type="text"')}`,
    "  </entry>",
  ].filter(Boolean).join("\n");
}

export function atomXml(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">`,
    `  ${el("id", feed.id)}`,
    `  ${el("title", feed.title, ' type="text"')}`,
    `  ${el("updated", feed.updated)}`,
    `  <link${attrs({ rel: "self", type: "application/atom+xml", href: feed.selfUrl })}/>`,
    `  <link${attrs({ rel: "alternate", type: "text/html", href: feed.alternateUrl })}/>`,
    `  <author>${el("name", feed.author)}</author>`,
    `  ${el("generator", "Jiebang")}`,
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}

export function atomResponse(feed: AtomFeed): Response {
  return new Response(atomXml(feed), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
