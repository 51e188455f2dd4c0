// Edits to installed packages, applied after every install (package.json's postinstall). Each edit
// names the exact text it replaces, which must occur once; a package of another version, or a file
// whose text has moved, is left as it is with a warning, never a failed install.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * `marker` is written into every edited file, so a second run leaves it alone; `what` names, in the
 * warnings, what is left out when an edit cannot be made; `script` is the script that asked for it.
 * packages: [{ name, version, files: [[file inside the package, [{ find, replace }]]] }].
 */
export function patchInstalled({ marker, what, script, packages }) {
  for (const { name, version: expected, files } of packages) {
    let dir;
    try {
      dir = path.dirname(require.resolve(`${name}/package.json`));
    } catch {
      continue; // not installed (yet): nothing to do
    }
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    if (version !== expected) {
      console.warn(`[jiebang] ${name} ${version} is not ${expected}: ${what} is left out (${script})`);
      continue;
    }
    for (const [file, edits] of files) {
      const result = patch(path.join(dir, file), marker, edits);
      if (result !== "patched" && result !== "already") console.warn(`[jiebang] ${name}/${file}: ${result}; ${what} is left out there`);
    }
  }
}

function patch(file, marker, edits) {
  let source = fs.readFileSync(file, "utf8");
  if (source.includes(marker)) return "already";
  for (const { find, replace } of edits) {
    if (source.split(find).length !== 2) return `unexpected source (${JSON.stringify(find.slice(0, 40))})`;
    source = source.replace(find, () => replace);
  }
  fs.writeFileSync(file, source);
  return "patched";
}
