// Run after `npm install` (package.json's postinstall), beside the other patch scripts. Remix's
// `<Scripts>` and `<Links>` rebuild, on every server render, text that depends only on the build and
// on which routes matched: the module script (an import per matched route, and the routes' manifest
// for the path and its parents, written with JSON.stringify) and the list of the routes' `<link>`s.
// The two components took about 3% of a scenario list page's CPU in a web process, most of it on
// these texts (ADR 013). This keeps both per build, in the server's CommonJS file only (the browser
// loads the ES module build and renders them once):
// - the module script per path and matched routes: the manifest part follows from the path alone,
//   the imports from the matched routes (the base path and lazy route discovery are the build's);
// - the keyed links per matched routes: a route's `links()` takes no arguments, and its CSS is the
//   build's.
// The elements are still created per render, with the render's own props (the nonce). Written
// against one version; any other is left as it is, with a warning, never a failed install.
import { patchInstalled } from "./patch-installed.mjs";

const MARKER = "/* jiebang: document scripts and links kept per build, v1 */";

// Each build's texts: a new build (development rebuilds) brings a new manifest object.
const stores = {
  find: "function Links() {",
  replace: `${MARKER}
const keyedLinksByManifest = new WeakMap();
const moduleScriptsByManifest = new WeakMap();
function keptPerBuild(store, manifest, key, create) {
  let texts = store.get(manifest);
  if (!texts) store.set(manifest, (texts = new Map()));
  let kept = texts.get(key);
  if (kept === undefined) {
    kept = create();
    // Paths with parameters (a scenario's code) are many; the pages people load most come back at once.
    if (texts.size >= 500) texts.clear();
    texts.set(key, kept);
  }
  return kept;
}
const matchedIds = (matches) => matches.map((match) => match.route.id).join("\\u0000");
function Links() {`,
};

const keyedLinks = {
  find: "  let keyedLinks = React__namespace.useMemo(() => links.getKeyedLinksForMatches(matches, routeModules, manifest), [matches, routeModules, manifest]);",
  replace: "  let keyedLinks = React__namespace.useMemo(() => keptPerBuild(keyedLinksByManifest, manifest, matchedIds(matches), () => links.getKeyedLinksForMatches(matches, routeModules, manifest)), [matches, routeModules, manifest]);",
};

// The template literal Remix builds the script from, unchanged, moved into a function of what it reads.
const moduleScriptStart = "    let routeModulesScript = !isStatic ? \" \" : `${(_manifest$hmr = manifest.hmr)";
const moduleScriptEnd = "import(${JSON.stringify(manifest.entry.module)});`;\n";
const moduleScript = {
  find: moduleScriptStart,
  replace: `    let routeModulesScript = !isStatic ? " " : keptPerBuild(moduleScriptsByManifest, manifest, router.state.location.pathname + "\\u0000" + matchedIds(matches), () => \`\${(_manifest$hmr = manifest.hmr)`,
};
const moduleScriptClose = {
  find: moduleScriptEnd,
  replace: "import(${JSON.stringify(manifest.entry.module)});`);\n",
};

const PACKAGES = [
  { name: "@remix-run/react", version: "2.17.5", files: [["dist/components.js", [stores, keyedLinks, moduleScript, moduleScriptClose]]] },
];

patchInstalled({ marker: MARKER, what: "keeping the document's scripts and links", script: "app/server/patch-document-scripts.mjs", packages: PACKAGES });
