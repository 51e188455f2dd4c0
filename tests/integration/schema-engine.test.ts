// The offline schema engine (prisma/schema-engine/) driven the way developers and CI use it: the
// real Prisma CLI in a child process, against the test Postgres from tests/setup/global-setup.ts.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cliEngineHash } from "../../prisma/schema-engine/load-wasm.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/prisma/build/index.js");
const engine = path.join(root, "prisma/schema-engine/bin.mjs");
const migrationsDir = path.join(root, "prisma/migrations");

const adminUrl = inject("adminDatabaseUrl") ?? process.env.DATABASE_URL!;
const urlFor = (db: string) => adminUrl.replace(/\/[^/?]+(\?|$)/, `/${db}$1`);
const created: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database name for this run; `create` makes it, otherwise the CLI is left to create it. */
async function database(create = true): Promise<string> {
  const name = `engine_test_${crypto.randomBytes(4).toString("hex")}`;
  created.push(name);
  if (create) await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return name;
}

type Run = { code: number; stdout: string; stderr: string };

/** Runs the Prisma CLI. Without `config`, the repository's prisma.config.ts names the engine itself. */
function prisma(args: string[], db: string, options: { cwd?: string; config?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: urlFor(db), NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (options.config) env.PRISMA_SCHEMA_ENGINE_BINARY = engine;
  const fullArgs = options.config ? [...args, "--config", options.config] : args;
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...fullArgs], { cwd: options.cwd ?? root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A scratch copy of the prisma folder with one model more, and a config that points at it. */
function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-engine-"));
  const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  fs.writeFileSync(path.join(dir, "schema.prisma"), `${schema}\nmodel EngineTestExtra {\n  id   Int    @id @default(autoincrement())\n  note String\n}\n`);
  fs.cpSync(migrationsDir, path.join(dir, "migrations"), { recursive: true });
  // Plain object: `prisma/config` would not resolve from a folder outside the repository.
  fs.writeFileSync(
    path.join(dir, "prisma.config.mjs"),
    `export default { schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL } };\n`,
  );
  return dir;
}

const shadowDatabasesLeft = () =>
  admin(async (c) => (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'engine_test_%_shadow_%'`)).rows);

let deployed: string;
const scratchDirs: string[] = [];

beforeAll(async () => {
  deployed = await database();
});

afterAll(async () => {
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("offline schema engine", () => {
  it("answers --version with the engine hash the Prisma CLI was built for", async () => {
    const run = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [engine, "--version"], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    expect(run.trim()).toBe(`schema-engine-cli ${cliEngineHash()}`);
  });

  it("migrate deploy applies the init migration to an empty database", async () => {
    const run = await prisma(["migrate", "deploy"], deployed);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/_init/);
    const applied = await admin((c) => c.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`), urlFor(deployed));
    const onDisk = fs.readdirSync(migrationsDir).filter((f) => fs.statSync(path.join(migrationsDir, f)).isDirectory());
    expect(applied.rows.map((r) => r.migration_name).sort()).toEqual(onDisk.sort());

    const status = await prisma(["migrate", "status"], deployed);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Database schema is up to date/);
  });

  it("migrate diff finds no drift between the migrations and the schema (exit 0)", async () => {
    const run = await prisma(["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", "prisma/schema.prisma", "--exit-code"], deployed);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await shadowDatabasesLeft()).toEqual([]);
  });

  it("migrate diff exits 2 when the schema has a model the migrations lack", async () => {
    const dir = scratchProject();
    scratchDirs.push(dir);
    const run = await prisma(["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", path.join(dir, "schema.prisma"), "--exit-code"], deployed);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/EngineTestExtra/);
  });

  it("migrate dev creates and applies a new migration (on a database it first has to create)", async () => {
    const dir = scratchProject();
    scratchDirs.push(dir);
    const db = await database(false);
    const run = await prisma(["migrate", "dev", "--name", "engine_extra"], db, { cwd: dir, config: path.join(dir, "prisma.config.mjs") });
    expect(run.code, run.stdout + run.stderr).toBe(0);

    const added = fs.readdirSync(path.join(dir, "migrations")).find((f) => f.endsWith("_engine_extra"));
    expect(added).toBeDefined();
    expect(fs.readFileSync(path.join(dir, "migrations", added!, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "EngineTestExtra"/);
    const table = await admin((c) => c.query(`SELECT to_regclass('"EngineTestExtra"') IS NOT NULL AS exists`), urlFor(db));
    expect(table.rows[0].exists).toBe(true);
    expect(await shadowDatabasesLeft()).toEqual([]);
  });

  it("keeps AuditEvent append-only: UPDATE and DELETE are refused", async () => {
    await admin(async (c) => {
      await c.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test', 'engine', '1')`);
      await expect(c.query(`UPDATE "AuditEvent" SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      const rows = await c.query(`SELECT action FROM "AuditEvent"`);
      expect(rows.rows).toEqual([{ action: "test" }]);
    }, urlFor(deployed));
  });
});
