/**
 * The loader data's script, written beside the rendered document rather than inside it (ADR 015).
 * `<StreamTransfer>` would render the data as a JavaScript string literal, escaped twice over: once
 * by turbo-stream's JSON and once more as the literal (every quote in the data became four
 * characters). Here the data goes into a JSON data block, which the browser never runs, and a
 * one-line script hands the block's text to the same stream. The document string then holds only
 * the markup and stays under V8's large-string size on the longer pages.
 */

// The script that closes the data stream: the loader data goes right before it.
export const HANDOFF_CLOSED = "window.__remixContext.streamController.close();";

const READ_BLOCK = "window.__remixContext.streamController.enqueue(document.currentScript.previousElementSibling.textContent);";
const BLOCK_OPEN = '<script type="application/json"';
const CLOSE_TAG = "</script>";

/** The document without the data block and its reading script: the part React rendered. */
export function withoutHandoff(html: string): string {
  const at = html.indexOf(BLOCK_OPEN);
  const reader = at === -1 ? -1 : html.indexOf(READ_BLOCK, at);
  return reader === -1 ? html : html.slice(0, at) + html.slice(reader + READ_BLOCK.length + CLOSE_TAG.length);
}

// The payload is turbo-stream's text: lines of JSON, in which "<" can only stand inside a string,
// where "\u003c" reads back as "<". Without "<" nothing in it can end the block (`</script`) or open
// a comment (`<!--`).
const escapeForDataBlock = (payload: string) => payload.replaceAll("<", "\\u003c");
const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export function handoffScript(payload: string, nonce: string): string {
  const attribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : "";
  // The block is never run; it carries the nonce all the same, so every script tag of a page does.
  return `${BLOCK_OPEN}${attribute}>${escapeForDataBlock(payload)}${CLOSE_TAG}<script${attribute}>${READ_BLOCK}${CLOSE_TAG}`;
}

/**
 * The document's bytes with the data script put before the script that closes the stream; null when
 * the document has no such script (it did not render Remix's scripts, or rendered them another way).
 */
export function withHandoff(html: string, payload: string, nonce: string): Buffer | null {
  const closing = html.lastIndexOf(HANDOFF_CLOSED);
  const at = closing === -1 ? -1 : html.lastIndexOf("<script", closing);
  if (at === -1) return null;
  const script = handoffScript(payload, nonce);
  // Written into one buffer sized for the worst case (three UTF-8 bytes a UTF-16 unit) rather than
  // encoded part by part and joined: half the time on the scenario list (76 → 38 µs a page).
  const bytes = Buffer.allocUnsafe(3 * (html.length + script.length));
  let length = bytes.write(html.slice(0, at), 0);
  length += bytes.write(script, length);
  length += bytes.write(html.slice(at), length);
  return bytes.subarray(0, length);
}
