#!/usr/bin/env node
// Offline schema engine: stands in for Prisma's native `schema-engine` binary, which the CLI would
// otherwise download from binaries.prisma.sh (impossible here and on air-gapped networks).
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file. Why and how:
// docs/decisions/001-offline-schema-engine.md.
//
// Invocations, as the Prisma CLI makes them:
//   bin.mjs --version                                  -> "schema-engine-cli <engine hash>"
//   bin.mjs --datasource <json> cli <command>          -> one-shot command (cli-commands.mjs)
//   bin.mjs [--datamodels <path>]… [--datasource <json>] -> JSON-RPC server on stdin/stdout (rpc.mjs)
import fs from "node:fs";
import { cliEngineHash, wasmEngineHash, wasmPackageVersion } from "./load-wasm.mjs";

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") args.cli = argv[++i];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // not used by the wasm engine
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

// The CLI only guarantees its protocol against the engine commit it was built with. Logged as
// JSON because the CLI parses our stderr line by line.
const expected = cliEngineHash();
if (expected && expected !== wasmEngineHash()) {
  const message =
    `offline schema engine: @prisma/schema-engine-wasm ${wasmPackageVersion()} does not match the Prisma CLI's engine ${expected}; ` +
    `install the @prisma/schema-engine-wasm version that ends in .${expected}`;
  process.stderr.write(`${JSON.stringify({ level: "WARN", fields: { message }, target: "schema_engine" })}\n`);
}

if (args.version) {
  // The CLI looks for its engine hash in this output.
  process.stdout.write(`schema-engine-cli ${wasmEngineHash()}\n`);
} else if (args.cli) {
  const { runCliCommand } = await import("./cli-commands.mjs");
  await runCliCommand(args.cli, args.datasource);
} else {
  const datamodels = args.datamodels.map((path) => [path, fs.readFileSync(path, "utf8")]);
  const { serve } = await import("./rpc.mjs");
  serve({ datamodels, datasource: args.datasource });
}
