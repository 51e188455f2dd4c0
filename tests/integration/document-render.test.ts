import fs from "node:fs";
import { createRequire } from "node:module";
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

  // app/server/patch-document-scripts.mjs keeps each page's module script and links per build.
  it("names its own routes in its scripts, whichever pages came before it", async () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/react/dist/components.js");
    expect(fs.readFileSync(file, "utf8")).toContain("jiebang: document scripts and links kept per build, v1");
    const scriptsOf = async (path: string) => {
      const html = await (await fetch(`${web.url}${path}`)).text();
      const modules = /window\.__remixRouteModules = \{([^}]*)\}/.exec(html)?.[1] ?? "";
      const manifest = /window\.__remixManifest = (\{[\s\S]*?\});\nwindow\.__remixRouteModules/.exec(html)?.[1];
      return {
        routes: [...modules.matchAll(/"([^"]+)":route\d+/g)].map((m) => m[1]),
        manifestRoutes: Object.keys((JSON.parse(manifest ?? "{}") as { routes?: object }).routes ?? {}).sort(),
        stylesheets: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]),
      };
    };
    const paths = ["/scenarios", "/login", "/scenarios/NO-SUCH-CODE", "/vendors", "/scenarios?q=%E9%98%B2%E6%B1%9B"];
    const first = await Promise.all(paths.map(scriptsOf));
    expect(first.map((page) => page.routes)).toEqual([
      ["root", "routes/scenarios._index"],
      ["root", "routes/login"],
      ["root", "routes/scenarios.$code"],
      ["root", "routes/vendors._index"],
      ["root", "routes/scenarios._index"],
    ]);
    // The manifest for a path holds its parents' routes too: /scenarios/… brings /scenarios' list.
    expect(first[2]!.manifestRoutes).toEqual(["root", "routes/_index", "routes/scenarios.$code", "routes/scenarios._index"]);
    for (const page of first) expect(page.stylesheets.length).toBeGreaterThan(0);
    // The same again in the other order: each page as it was.
    const again = [];
    for (const path of [...paths].reverse()) again.unshift(await scriptsOf(path));
    expect(again).toEqual(first);
  });
});
