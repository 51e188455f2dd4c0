// Run after `npm install` (package.json's postinstall). Remix's router compiles every route pattern
// into a regular expression, and flattens and ranks the whole route tree, on every match: three
// matches per request, about a tenth of a web process's CPU on the search pages (ADR 014). This
// caches both in the installed @remix-run/router:
// - compiled patterns, in both builds: a pure function of the pattern, so safe in the browser too;
// - the flattened, ranked branches per route array, in the CommonJS build only, which only Remix's
//   server runtime loads: the browser's route arrays grow as routes are discovered, the server's never.
// Written against one version; any other is left as it is, with a warning, never a failed install.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const VERSION = "1.23.3";
const MARKER = "/* jiebang: cached route matching */";
const require = createRequire(import.meta.url);

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
const flatten = [
  { find: "function matchRoutesImpl(", replace: "const rankedBranches = new WeakMap();\nfunction matchRoutesImpl(" },
  {
    find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;",
    replace: "  let branches = rankedBranches.get(routes);\n  if (!branches) {\n    branches = flattenRoutes(routes);\n    rankRouteBranches(branches);\n    rankedBranches.set(routes, branches);\n  }\n  let matches = null;",
  },
];

function patch(file, edits) {
  let source = fs.readFileSync(file, "utf8");
  if (source.includes(MARKER)) return "already";
  for (const { find, replace } of edits) {
    if (source.split(find).length !== 2) return `unexpected source (${JSON.stringify(find.slice(0, 40))})`;
    source = source.replace(find, replace);
  }
  fs.writeFileSync(file, source);
  return "patched";
}

let dir;
try {
  dir = path.dirname(require.resolve("@remix-run/router/package.json"));
} catch {
  process.exit(0); // not installed (yet): nothing to do
}
const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
if (version !== VERSION) {
  console.warn(`[jiebang] @remix-run/router ${version} is not ${VERSION}: route matching left uncached (app/server/patch-route-matching.mjs)`);
  process.exit(0);
}
for (const [file, edits] of [["dist/router.cjs.js", [compile, ...flatten]], ["dist/router.js", [compile]]]) {
  const result = patch(path.join(dir, file), edits);
  if (result !== "patched" && result !== "already") console.warn(`[jiebang] ${file}: ${result}; route matching left uncached there`);
}
