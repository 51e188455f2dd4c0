import { describe, expect, it } from "vitest";
import { isProductionBuild } from "../../app/server/build-if-needed";
import { servedApp } from "../setup/web-server";

// A page is rendered whole, then sent as one body (app/entry.server.tsx, ADR 015). React's renderer
// leaves a NUL byte where a Chinese character did not fit at the end of one of its 2 KB chunks; the
// document must arrive without them, complete, with its length declared.
const web = servedApp({ https: false });

describe("a rendered page", () => {
  // The test builds as npm start does; were the mode not found there, every start would build again.
  it("comes from a build that says it is a production build", () => {
    expect(isProductionBuild("build/index.js")).toBe(true);
  });

  it.each(["/scenarios", "/", "/vendors", "/stats"])("%s arrives whole: declared length, no NUL, no replacement character", async (path) => {
    const response = await fetch(`${web.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    // Long enough for React to have cut it into many chunks, Chinese included.
    expect(bytes.length).toBeGreaterThan(4 * 2048);
    expect(bytes.indexOf(0)).toBe(-1);
    const html = bytes.toString("utf8");
    expect(html).not.toContain("\uFFFD");
    expect(html).toMatch(/[\u4e00-\u9fff]/);
    expect(html).toContain("</html>");
    // The loader data streamed into the document for hydration is all there: its stream is closed.
    expect(html).toContain("window.__remixContext.streamController.close()");
    expect(html).toMatch(/<script type="application\/json" nonce="[^"]+">\[\{[^<]*<\/script><script nonce="[^"]+">window\.__remixContext\.streamController\.enqueue\(/);
  });

  it("answers HEAD with the page's headers and no body", async () => {
    const response = await fetch(`${web.url}/scenarios`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});
