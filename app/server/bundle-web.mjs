import { buildSync } from "esbuild";
import fs from "node:fs";

// The web entry (web.ts and the modules of app/ it imports) as one JavaScript file, build/web.js,
// run with plain node: loaded through tsx, every module a web process imports (the Remix build's
// packages included) passed through tsx's loader, which took each process about a second more to start.
// Packages stay imports; the Remix build is imported at run time, as before.
//
// buildSync, with the packages named in package.json as externals, rather than `build` with a plugin:
// the asynchronous API keeps esbuild's service running beside node, and when node exited while the
// service's keep-alive ping was in flight, esbuild printed a Go "deadlock" stack trace on the first
// `npm start` (the build itself was complete).
const OUTFILE = "build/web.js"; // WEB_BUNDLE in build-if-needed.ts
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
const packages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
const { metafile } = buildSync({
  entryPoints: ["app/server/web.ts"],
  outfile: OUTFILE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  // A package name covers its subpaths (`react-dom/server`); `~/…` (tsconfig paths) is the app's own code.
  external: packages,
  metafile: true,
  logLevel: "warning",
});
// A package imported without being named in package.json would be bundled (its CommonJS too): refuse it.
const bundledPackages = Object.keys(metafile.inputs).filter((input) => input.includes("node_modules/"));
if (bundledPackages.length) {
  fs.rmSync(OUTFILE, { force: true });
  console.error(`${OUTFILE}: these files come from packages not named in package.json; add the packages to it:\n  ${bundledPackages.join("\n  ")}`);
  process.exit(1);
}
