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
  it("is installed in both builds of the router and in the server render's two files", () => {
    const files = [
      path.join(dist, "router.cjs.js"), path.join(dist, "router.js"),
      require.resolve("@remix-run/react/dist/server.js"), require.resolve("react-router-dom/server.js"),
    ];
    for (const file of files) expect(fs.readFileSync(file, "utf8"), file).toContain("jiebang: cached route matching, v2");
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

  it("gives every caller its own matches, so what one caller changes the next never sees", () => {
    const routes = tree();
    const first = router.matchRoutes(routes, "/scenarios/ZZ-2026-001")!;
    (first[1]!.params as Record<string, string>).code = "changed";
    first[1]!.pathname = "/changed";
    first.pop();
    const second = router.matchRoutes(routes, "/scenarios/ZZ-2026-001")!;
    expect(ids(second)).toEqual(["root", "scenario"]);
    expect(second[1]).toMatchObject({ pathname: "/scenarios/ZZ-2026-001", params: { code: "ZZ-2026-001" } });
    // Every match of one answer shares one params object, as the router's own answers do.
    expect(second[0]!.params).toBe(second[1]!.params);
  });

  it("matches under a basename, and tells a path outside it from one inside", () => {
    const routes = tree();
    expect(ids(router.matchRoutes(routes, "/app/scenarios", "/app"))).toEqual(["root", "scenarios"]);
    expect(router.matchRoutes(routes, "/elsewhere/scenarios", "/app")).toBeNull();
    expect(ids(router.matchRoutes(routes, "/scenarios"))).toEqual(["root", "scenarios"]);
  });

  it("renders from one set of data routes per route tree", async () => {
    const { createStaticHandler, createStaticRouter } = require("react-router-dom/server.js") as typeof import("react-router-dom/server");
    const routes = tree();
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request("http://localhost/scenarios/ZZ-2026-001"));
    if (context instanceof Response) throw new Error("unexpected redirect");
    const one = createStaticRouter(routes, context);
    const two = createStaticRouter(routes, context);
    expect(two.routes).toBe(one.routes);
    expect(one.state.matches.map((m) => m.route.id)).toEqual(["root", "scenario"]);
    // The matches point into the data routes the render uses.
    expect(one.state.matches[1]!.route).toBe(one.routes[0]!.children![2]);
    expect(createStaticRouter(tree(), context).routes).not.toBe(one.routes);
  });

  it("keeps patterns apart by case sensitivity and by end", () => {
    expect(router.matchPath({ path: "/Scenarios", caseSensitive: true }, "/scenarios")).toBeNull();
    expect(router.matchPath({ path: "/Scenarios", caseSensitive: false }, "/scenarios")).not.toBeNull();
    expect(router.matchPath({ path: "/scenarios", end: true }, "/scenarios/x")).toBeNull();
    expect(router.matchPath({ path: "/scenarios", end: false }, "/scenarios/x")?.pathnameBase).toBe("/scenarios");
  });
});
