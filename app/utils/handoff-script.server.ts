/**
 * The loader data's script, written beside the rendered document rather than inside it (ADR 015).
 * `<StreamTransfer>` would render it as React markup; here it is the same text (Remix's own escaping,
 * so no `</script>` or `<!--` in the data can end the script), sent as separate bytes. The document
 * string then holds only the markup and stays under V8's large-string size on the longer pages.
 */

// The script that closes the data stream: the loader data goes right before it.
export const HANDOFF_CLOSED = "window.__remixContext.streamController.close();";

// @remix-run/react's escapeHtml (markup.js), which StreamTransfer applies to the same JSON.
const ESCAPE: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };
const escapeForScript = (json: string) => json.replace(/[&><\u2028\u2029]/g, (c) => ESCAPE[c]!);
const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export function handoffScript(payload: string, nonce: string): string {
  const attribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : "";
  return `<script${attribute}>window.__remixContext.streamController.enqueue(${escapeForScript(JSON.stringify(payload))});</script>`;
}

/**
 * The document's bytes with the data script put before the script that closes the stream; null when
 * the document has no such script (it did not render Remix's scripts, or rendered them another way).
 */
export function withHandoff(html: string, payload: string, nonce: string): Buffer | null {
  const closing = html.lastIndexOf(HANDOFF_CLOSED);
  const at = closing === -1 ? -1 : html.lastIndexOf("<script", closing);
  if (at === -1) return null;
  return Buffer.concat([Buffer.from(html.slice(0, at)), Buffer.from(handoffScript(payload, nonce)), Buffer.from(html.slice(at))]);
}
