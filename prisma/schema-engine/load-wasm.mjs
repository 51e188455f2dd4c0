// Loads @prisma/schema-engine-wasm by hand.
//
// The package's own entry (`schema_engine.js`) does `import * as wasm from "./schema_engine_bg.wasm"`,
// an ES-module WebAssembly import that Node 20 refuses without --experimental-wasm-modules. The
// bindings module (`schema_engine_bg.js`) is plain ESM, so we compile the .wasm ourselves and hand
// its exports to the bindings, which is all the entry file would have done.
/* global WebAssembly */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

// The package's "exports" hide package.json, so find it next to the bindings module.
const bindingsPath = () => require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

export function wasmPackageVersion() {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(bindingsPath()), "package.json"), "utf8")).version;
}

/** The engine commit hash, e.g. "0edf323e…", taken from the package version "7.10.0-4.<hash>". */
export function wasmEngineHash() {
  return wasmPackageVersion().split(".").pop();
}

/**
 * The engine hash the installed Prisma CLI was built for. The CLI only talks to an engine of the
 * same commit reliably, so bin.mjs warns when they differ (e.g. after upgrading `prisma` alone).
 */
export function cliEngineHash() {
  try {
    const fromPrisma = createRequire(require.resolve("prisma/package.json"));
    const fromEngines = createRequire(fromPrisma.resolve("@prisma/engines/package.json"));
    return fromEngines("@prisma/engines-version/package.json").prisma.enginesVersion;
  } catch {
    return undefined; // layout we do not know: skip the check rather than fail
  }
}

let loaded;

/** Returns the bindings module (with `SchemaEngine` and `version`), instantiating the wasm once. */
export async function loadSchemaEngineWasm() {
  if (loaded) return loaded;
  const bindingsFile = bindingsPath();
  const bindings = await import(pathToFileURL(bindingsFile).href);
  const bytes = fs.readFileSync(bindingsFile.replace(/\.js$/, ".wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  // The Rust panic hook reports the panic message here before the wasm traps; Prisma's CLI
  // installs the same global when it runs the wasm engine in-process.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message) {
      this.message = `RuntimeError: ${message}`;
    },
  };
  loaded = bindings;
  return bindings;
}
