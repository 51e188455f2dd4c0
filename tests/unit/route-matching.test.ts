import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// app/server/patch-route-matching.mjs caches Remix's route matching in the installed router
// (ADR 014). The install applies it; matching must answer exactly as before, per route tree.
const require = createRequire(import.meta.url);
type Router = typeof import("@remix-run/router");
const router = require("@remix-run/router") as Router; // the CommonJS build, as Remix's server runtime loads it
const dist = path.join(path.dirname(require.resolve("@remix-run/router/package.json")), "dist");

const tree = () => [
  {
    id: "root", path: "",
    children: [
      { id: "home", index: true },
      { id: "scenarios", path: "scenarios" },
      { id: "scenario", path: "scenarios/:code" },
      { id: "questions", path: "scenarios/:code_/questions" },
      { id: "files", path: "files/*" },
    ],
  },
];
const ids = (matches: ReturnType<Router["matchRoutes"]>) => matches?.map((m) => m.route.id);

describe("route matching with its caches", () => {
  it("is installed in both builds of the router", () => {
    for (const file of ["router.cjs.js", "router.js"]) {
      expect(fs.readFileSync(path.join(dist, file), "utf8"), file).toContain("jiebang: cached route matching");
    }
  });

  it("answers as before, every time, for each route tree of its own", () => {
    const routes = tree();
    for (let round = 0; round < 3; round++) {
      expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(ids(router.matchRoutes(routes, "/scenarios"))).toEqual(["root", "scenarios"]);
      const detail = router.matchRoutes(routes, "/scenarios/ZZ-2026-001");
      expect(ids(detail)).toEqual(["root", "scenario"]);
      expect(detail?.[1]?.params).toEqual({ code: "ZZ-2026-001" });
      expect(router.matchRoutes(routes, "/files/a/b.pdf")?.[1]?.params["*"]).toBe("a/b.pdf");
      expect(router.matchRoutes(routes, "/nowhere")).toBeNull();
    }
    // Another tree (another build): its own routes, not the first tree's.
    const other = [{ id: "only", path: "scenarios" }];
    expect(ids(router.matchRoutes(other, "/scenarios"))).toEqual(["only"]);
    expect(router.matchRoutes(other, "/scenarios/ZZ-2026-001")).toBeNull();
    expect(ids(router.matchRoutes(routes, "/scenarios/ZZ-2026-001"))).toEqual(["root", "scenario"]);
  });

  it("keeps patterns apart by case sensitivity and by end", () => {
    expect(router.matchPath({ path: "/Scenarios", caseSensitive: true }, "/scenarios")).toBeNull();
    expect(router.matchPath({ path: "/Scenarios", caseSensitive: false }, "/scenarios")).not.toBeNull();
    expect(router.matchPath({ path: "/scenarios", end: true }, "/scenarios/x")).toBeNull();
    expect(router.matchPath({ path: "/scenarios", end: false }, "/scenarios/x")?.pathnameBase).toBe("/scenarios");
  });
});
