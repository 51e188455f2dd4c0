// JSON-RPC 2.0 over stdin/stdout, one message per line: the protocol the Prisma CLI speaks to a
// native schema engine (see SchemaEngineCLI in prisma/build/index.js). Each request is answered
// by the wasm engine, one at a time and in order, as the native engine does.
/* global WebAssembly */
import readline from "node:readline";
import { createAdapterFactory, dropLeftoverShadows } from "./adapter.mjs";
import { createDatabase } from "./cli-commands.mjs";
import { loadSchemaEngineWasm } from "./load-wasm.mjs";

// Methods the CLI may call that the wasm engine implements under the same name.
const PASS_THROUGH = new Set([
  "applyMigrations", "createMigration", "dbExecute", "devDiagnostic", "diagnoseMigrationHistory",
  "ensureConnectionValidity", "evaluateDataLoss", "introspect", "introspectSql", "markMigrationApplied",
  "markMigrationRolledBack", "reset", "schemaPush",
]);

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

// Prisma's error shape: the CLI shows data.message, keys its handling (P3005, P3006, …) on
// data.error_code, and offers a bug report when data.is_panic is set.
export function toRpcError(error) {
  const message = error?.message ?? String(error);
  if (error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError") {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || message;
    return { code: 4466, message: panic, data: { is_panic: true, message: panic, error: { message: panic } } };
  }
  const data = { is_panic: false, message, meta: error?.meta ?? null };
  if (typeof error?.code === "string") data.error_code = error.code;
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

export function serve({ datamodels, datasource }) {
  // The engine hands us its log lines already as the native engine's JSON; like the native
  // engine we write them to stderr, where the CLI collects them for its error messages.
  const log = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
  const factory = createAdapterFactory({ url: datasource?.url, shadowDatabaseUrl: datasource?.shadowDatabaseUrl });
  let engine;
  const getEngine = async () => {
    if (!datasource?.url) throw new Error("The datasource has no url. Set `datasource.url` in prisma.config.ts.");
    const { SchemaEngine } = await loadSchemaEngineWasm();
    // `datamodels` must be undefined or non-empty.
    engine ??= await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, factory);
    return engine;
  };

  // The engine can ask the CLI to print (the native engine prints diff output this way); the CLI
  // answers each such request, and we wait for that so output order is kept.
  const printed = new Map();
  let printCount = 0;
  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printCount}`;
      printed.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  // evaluateDataLoss and createMigration read "the schema the migrations produce" only from a
  // cache that diagnoseMigrationHistory fills using a shadow database; on a miss they fail with
  // "PostgreSQL shadow DB must be provided through an external factory". migrate dev misses when
  // it has just applied pending migrations (a fresh database, a colleague's migration), because
  // devDiagnostic skipped the shadow then. So on that error, diagnose (filling the cache) and ask
  // again. Nothing has been written at that point: the CLI writes the migration file afterwards.
  async function withShadowSchema(wasm, method, params) {
    try {
      return await wasm[method](params);
    } catch (error) {
      if (!/shadow DB must be provided/.test(error?.message ?? "")) throw error;
      await wasm.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
      return wasm[method](params);
    }
  }

  async function dispatch(method, params) {
    if (method === "createDatabase") {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource?.url;
      return { databaseName: await createDatabase(url) };
    }
    const wasm = await getEngine();
    if (method === "getDatabaseVersion") return wasm.version(params ?? null);
    if (method === "diff") {
      const { stdout, exitCode } = await wasm.diff(params);
      if (stdout) await print(stdout.replace(/\n$/, ""));
      return { exitCode };
    }
    if (method === "debugPanic") return wasm.debugPanic();
    if (method === "evaluateDataLoss" || method === "createMigration") return withShadowSchema(wasm, method, params);
    if (!PASS_THROUGH.has(method)) throw new Error(`The offline schema engine does not support \`${method}\`.`);
    // Called as a method: detaching it from `wasm` loses the wasm pointer.
    return wasm[method](params);
  }

  async function handle(request) {
    try {
      const result = await dispatch(request.method, request.params);
      send({ jsonrpc: "2.0", id: request.id, result: result === undefined ? null : result });
    } catch (error) {
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
    }
  }

  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    }
    if (!message.method && printed.has(message.id)) {
      printed.get(message.id)();
      printed.delete(message.id);
    } else if (message.method) {
      queue = queue.then(() => handle(message));
    }
  });

  // The CLI ends stdin and then kills us right away (SIGTERM); either way, drop any shadow
  // database still alive before leaving, or it would stay on the server for good.
  let exiting = false;
  const exit = async () => {
    if (exiting) return;
    exiting = true;
    await dropLeftoverShadows();
    process.exit(0);
  };
  input.on("close", () => queue.then(exit, exit));
  process.on("SIGTERM", exit);
  process.on("SIGINT", exit);
}
