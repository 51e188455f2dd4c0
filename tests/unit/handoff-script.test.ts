import { describe, expect, it } from "vitest";
import { HANDOFF_CLOSED, handoffScript, withHandoff } from "~/utils/handoff-script.server";

// The loader data's script, written beside the rendered document (ADR 015): nothing in the data can
// end the script early, and it lands right before the script that closes the data stream.
describe("the loader data's script", () => {
  it("escapes what could end the script or the HTML comment, and keeps the data exact", () => {
    const payload = `[{"title":"</script><script>alert(1)</script> <!-- & \u2028 \u2029 中文"}]`;
    const script = handoffScript(payload, "n0nce");
    expect(script.startsWith(`<script nonce="n0nce">window.__remixContext.streamController.enqueue(`)).toBe(true);
    const inner = script.slice(script.indexOf(">") + 1, script.lastIndexOf("</script>"));
    expect(inner).not.toMatch(/<|>|&|\u2028|\u2029/);
    const json = inner.slice("window.__remixContext.streamController.enqueue(".length, -2);
    expect(JSON.parse(json)).toBe(payload);
  });

  it("escapes the nonce as an attribute", () => {
    expect(handoffScript("x", `a"b`)).toContain(`nonce="a&#34;b"`);
  });

  it("goes right before the script that closes the stream, as bytes", () => {
    const html = `<!DOCTYPE html><html><body><p>正文</p><script nonce="n">${HANDOFF_CLOSED}</script><script type="module">go()</script></body></html>`;
    const body = withHandoff(html, "[1]", "n")!.toString("utf8");
    expect(body).toBe(html.replace(`<script nonce="n">${HANDOFF_CLOSED}`, `${handoffScript("[1]", "n")}<script nonce="n">${HANDOFF_CLOSED}`));
  });

  it("is refused (null) by a document without that script", () => {
    expect(withHandoff("<!DOCTYPE html><html><body></body></html>", "[1]", "n")).toBeNull();
  });
});
