import fs from "node:fs";
import path from "node:path";
import { runCommand } from "./run-command";

// Directories count too: a renamed or deleted route changes its folder, not any file left in it.
function newestMtime(dir: string): number {
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") newest = Math.max(newest, newestMtime(full));
    } else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The bundled web entry that `npm start` and production run (bundle-web.mjs writes it), from the project folder. */
export const WEB_BUNDLE = "build/web.js";

// `npm run dev` (remix watch) leaves a development build behind; the production server cannot run it
// (React's development JSX runtime). The server build names its mode near its end.
export function isProductionBuild(file: string): boolean {
  return /\bvar mode = "production"/.test(fs.readFileSync(file, "utf8"));
}

// Builds when there is no build or a source the routes import changed since the last one, and, unless
// `npm run dev` asks (its watcher rebuilds anyway), when the build is not a production build.
export async function buildIfNeeded({ development = false } = {}): Promise<void> {
  const outputs = [path.resolve("build", "index.js"), path.resolve(WEB_BUNDLE)];
  const sources = Math.max(
    ...["app", "emails", "search"].map((dir) => newestMtime(path.resolve(dir))),
    fs.statSync("remix.config.js").mtimeMs,
  );
  const current = outputs.every((output) => fs.existsSync(output) && fs.statSync(output).mtimeMs >= sources);
  if (current && (development || isProductionBuild(outputs[0]!))) return;
  console.log("[jiebang] building the web app…");
  // Always a production build: one made under NODE_ENV=test (a test run) uses React's development
  // JSX runtime and fails in the production server that `npm start` runs next.
  await runCommand(path.resolve("node_modules", ".bin", "remix"), ["build"], { quiet: true, env: { NODE_ENV: "production" } });
  await runCommand(process.execPath, [path.resolve("app", "server", "bundle-web.mjs")], { quiet: true });
}
