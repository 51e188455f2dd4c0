import { build } from "esbuild";

// The web entry (web.ts and the modules of app/ it imports) as one JavaScript file, build/web.js,
// run with plain node: loaded through tsx, every module a web process imports (the Remix build's
// packages included) passed through tsx's loader, which took each process about a second more to start.
// Packages stay imports; the Remix build is imported at run time, as before.
await build({
  entryPoints: ["app/server/web.ts"],
  outfile: "build/web.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  // Every package stays an import; `~/…` (tsconfig paths) is the app's own code and is bundled.
  plugins: [{ name: "packages-external", setup: (b) => b.onResolve({ filter: /^[^./~]/ }, () => ({ external: true })) }],
  logLevel: "warning",
});
