import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine is downloaded on first use, which fails offline and on air-gapped
// networks. Point the CLI at the project's own engine instead: the same engine compiled to wasm
// (docs/decisions/001-offline-schema-engine.md). The CLI reads the variable after loading this
// file. An explicitly set PRISMA_SCHEMA_ENGINE_BINARY (e.g. a native engine) is kept.
const root = path.dirname(fileURLToPath(import.meta.url));
const offlineEngine = path.join(root, "prisma", "schema-engine", "bin.mjs");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = offlineEngine;
  // The CLI spawns the file directly; copies that lost the executable bit (archives, checkouts
  // with core.fileMode=false) would fail with EACCES.
  try {
    fs.accessSync(offlineEngine, fs.constants.X_OK);
  } catch {
    fs.chmodSync(offlineEngine, 0o755);
  }
}

// migrate dev and migrate diff --from-migrations replay the migrations in a shadow database. By
// default the engine creates a temporary `<db>_shadow_<random>` on the same server and drops it
// afterwards; set SHADOW_DATABASE_URL where the database user may not create databases (that
// database is emptied on every use).
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/jiebang",
    ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}),
  },
});
