/**
 * Highlight markers shared by the Meilisearch query (highlightPreTag/PostTag), the database fallback
 * (which marks matched terms itself) and the component that renders them. The page never renders a
 * highlighted string as HTML: it splits on these markers and lets React escape every piece, so text
 * typed by a department can never become markup.
 */
export const HIGHLIGHT_PRE = "<mark>";
export const HIGHLIGHT_POST = "</mark>";

/**
 * What a search asks Meilisearch to return and to mark. Nothing is marked without words: there is
 * nothing to mark, and asking would send every hit twice (its `_formatted` copy). With words, the
 * marked attributes come only in `_formatted` (Meilisearch puts them there whether retrieved or
 * not), so they are not also retrieved plain: about a sixth of a search answer's bytes, for Meilisearch to
 * write and the page to parse.
 */
export function highlighting(q: string, retrieve: string[], attributes: string[]): {
  attributesToRetrieve: string[]; attributesToHighlight?: string[]; highlightPreTag?: string; highlightPostTag?: string;
} {
  if (!q.trim()) return { attributesToRetrieve: retrieve };
  return {
    attributesToRetrieve: retrieve.filter((a) => !attributes.includes(a)),
    attributesToHighlight: attributes, highlightPreTag: HIGHLIGHT_PRE, highlightPostTag: HIGHLIGHT_POST,
  };
}

export type HighlightPart = { text: string; marked: boolean };

export function splitHighlight(value: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const piece of value.split(/(<mark>|<\/mark>)/)) {
    if (piece === HIGHLIGHT_PRE) marked = true;
    else if (piece === HIGHLIGHT_POST) marked = false;
    else if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}

/** Text without markers (for titles in <meta>, aria labels, comparisons). */
export function stripHighlight(value: string): string {
  return value.split(/<mark>|<\/mark>/).join("");
}

/**
 * The fallback's highlighting: wraps every case-insensitive occurrence of a term. Terms are matched
 * literally (no regular-expression syntax from the query reaches the RegExp).
 */
export function markTerms(text: string, terms: readonly string[]): string {
  const usable = terms.filter((t) => t.length > 0);
  if (usable.length === 0 || !text) return text;
  const pattern = new RegExp(usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length).join("|"), "gi");
  return text.replace(pattern, (match) => `${HIGHLIGHT_PRE}${match}${HIGHLIGHT_POST}`);
}
