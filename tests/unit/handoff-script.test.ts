import { describe, expect, it } from "vitest";
import { HANDOFF_CLOSED, handoffScript, withHandoff } from "~/utils/handoff-script.server";

// The loader data's script, written beside the rendered document (ADR 015): nothing in the data
// can end its block early, and it lands right before the script that closes the data stream.
describe("the loader data's script", () => {
  it("holds the data in a block nothing in it can end, and reads back the same JSON", () => {
    const payload = `[{"title":"</script><script>alert(1)</script> <!-- & \u2028 \u2029 中文 \\\\<"}]\n[1]`;
    const html = handoffScript(payload, "n0nce");
    const block = html.match(/^<script type="application\/json" nonce="n0nce">([^]*?)<\/script><script nonce="n0nce">([^<]*)<\/script>$/);
    expect(block).not.toBeNull();
    expect(block![1]).not.toContain("<");
    expect(block![2]).toBe("window.__remixContext.streamController.enqueue(document.currentScript.previousElementSibling.textContent);");
    // turbo-stream reads its text line by line as JSON: each line reads back the same.
    const lines = (text: string) => text.split("\n").map((line) => JSON.parse(line) as unknown);
    expect(lines(block![1]!)).toEqual(lines(payload));
  });

  it("escapes the nonce as an attribute", () => {
    expect(handoffScript("x", `a"b`)).toContain(`nonce="a&#34;b"`);
  });

  it("goes right before the script that closes the stream, as bytes", () => {
    const html = `<!DOCTYPE html><html><body><p>正文</p><script nonce="n">${HANDOFF_CLOSED}</script><script type="module">go()</script></body></html>`;
    const body = withHandoff(html, "[1]", "n")!.toString("utf8");
    expect(body).toBe(html.replace(`<script nonce="n">${HANDOFF_CLOSED}`, `${handoffScript("[1]", "n")}<script nonce="n">${HANDOFF_CLOSED}`));
    // Characters of one, two and three UTF-8 bytes and a pair of UTF-16 units (four bytes) on both sides.
    const wide = html.replace("正文", "正文 é 😀");
    const bytes = withHandoff(wide, '["揭榜 😀 é"]', "n")!;
    expect(bytes.toString("utf8")).toBe(wide.replace(`<script nonce="n">${HANDOFF_CLOSED}`, `${handoffScript('["揭榜 😀 é"]', "n")}<script nonce="n">${HANDOFF_CLOSED}`));
    expect(bytes.length).toBe(Buffer.byteLength(bytes.toString("utf8")));
  });

  it("is refused (null) by a document without that script", () => {
    expect(withHandoff("<!DOCTYPE html><html><body></body></html>", "[1]", "n")).toBeNull();
  });
});
