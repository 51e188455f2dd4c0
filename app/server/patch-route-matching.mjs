// Run after `npm install` (package.json's postinstall). Remix's router compiles every route pattern
// into a regular expression, flattens and ranks the whole route tree, and walks it, on every match:
// three matches per request; and the server render builds its route objects again each time, so the
// third match never meets a tree it has seen. Together about a tenth of a web process's CPU on the
// search pages (ADR 014). This caches, in the installed packages:
// - compiled patterns, in both builds of @remix-run/router: a pure function of the pattern, so safe
//   in the browser too;
// - the flattened, ranked branches per route array, and the matches per route array and path, in its
//   CommonJS build only, which only the server loads: the browser's route arrays grow as routes are
//   discovered, the server's never;
// - the render's route objects per build (@remix-run/react's RemixServer) and their data routes
//   (react-router-dom's static router), in their server files: both are pure functions of the
//   build's manifest and route modules, which never change while a build is loaded.
// Written against one version of each; any other is left as it is, with a warning, never a failed install.
import { patchInstalled } from "./patch-installed.mjs";

const MARKER = "/* jiebang: cached route matching, v2 */";

const compile = {
  find: "function compilePath(path, caseSensitive, end) {",
  replace: `${MARKER}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  const key = path + "\\u0000" + caseSensitive + "\\u0000" + end;
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    if (compiledPaths.size >= 2000) compiledPaths.clear();
    compiled = compilePathUncached(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {`,
};
// Matches are cached per route array and path; callers get their own copies (the match objects and
// the params they share), so no caller can change what the next request is given.
const matchCache = [
  {
    find: "function matchRoutesImpl(",
    replace: `const rankedBranches = new WeakMap();
const matchedPaths = new WeakMap();
function copyMatches(matches) {
  if (!matches) return null;
  const params = Object.assign({}, matches[matches.length - 1].params);
  return matches.map((match) => Object.assign({}, match, { params }));
}
function matchRoutesImpl(`,
  },
  {
    find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;\n  let decoded = decodePath(pathname);\n  for (let i = 0; matches == null && i < branches.length; ++i) {",
    replace: `  let byPath = matchedPaths.get(routes);
  if (!byPath) matchedPaths.set(routes, (byPath = new Map()));
  const pathKey = pathname + "\\u0000" + (allowPartial ? 1 : 0);
  if (byPath.has(pathKey)) return copyMatches(byPath.get(pathKey));
  let branches = rankedBranches.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranches.set(routes, branches);
  }
  let matches = null;
  let decoded = decodePath(pathname);
  for (let i = 0; matches == null && i < branches.length; ++i) {`,
  },
  {
    find: "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  return matches;\n}",
    replace: "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  if (byPath.size >= 1000) byPath.clear();\n  byPath.set(pathKey, matches);\n  return copyMatches(matches);\n}",
  },
];
const serverRoutes = {
  find: "  let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);",
  replace: `  ${MARKER}
  let routes$1 = context.isSpaMode ? undefined : serverRoutesByManifest.get(manifest.routes);
  if (!routes$1) {
    routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);
    if (!context.isSpaMode) serverRoutesByManifest.set(manifest.routes, routes$1);
  }`,
};
const serverRoutesStore = { find: "function RemixServer({", replace: "const serverRoutesByManifest = new WeakMap();\nfunction RemixServer({" };
const dataRoutes = {
  find: "  let manifest = {};\n  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);",
  replace: `  ${MARKER}
  let converted = dataRoutesByRoutes.get(routes);
  if (!converted) {
    const created = {};
    converted = { dataRoutes: router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, created), manifest: created };
    dataRoutesByRoutes.set(routes, converted);
  }
  let { dataRoutes, manifest } = converted;`,
};
const dataRoutesStore = { find: "function createStaticRouter(routes, context, opts = {}) {", replace: "const dataRoutesByRoutes = new WeakMap();\nfunction createStaticRouter(routes, context, opts = {}) {" };

const PACKAGES = [
  { name: "@remix-run/router", version: "1.23.3", files: [["dist/router.cjs.js", [compile, ...matchCache]], ["dist/router.js", [compile]]] },
  { name: "@remix-run/react", version: "2.17.5", files: [["dist/server.js", [serverRoutesStore, serverRoutes]]] },
  { name: "react-router-dom", version: "6.30.4", files: [["server.js", [dataRoutesStore, dataRoutes]]] },
];

patchInstalled({ marker: MARKER, what: "route caching", script: "app/server/patch-route-matching.mjs", packages: PACKAGES });
