import { HIGHLIGHT_POST, HIGHLIGHT_PRE, splitHighlight } from "../../search/highlight";

/**
 * Text with search highlights. The string is split on the <mark> markers and every piece is rendered
 * as a React text node (escaped), so a highlight can never smuggle markup into the page — no
 * dangerouslySetInnerHTML. Unmarked pieces stay bare text: pieces alternate with marks, so no two
 * text nodes touch, and a result page has a hundred fewer elements to render.
 */
export function Highlight({ text }: { text: string }) {
  // A page without a query has nothing marked: most list pages.
  if (!text.includes(HIGHLIGHT_PRE) && !text.includes(HIGHLIGHT_POST)) return <>{text}</>;
  return <>{splitHighlight(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
