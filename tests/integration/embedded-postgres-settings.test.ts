import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { passwordFileFor, removeEmbeddedPostgresData, startEmbeddedPostgres, type RunningPostgres } from "../../app/server/embedded-postgres";

// The settings `npm start` runs PostgreSQL with: durable (fsync on) and a password of its own per
// data directory, kept in a private file (there used to be one fixed password and fsync=off).
const root = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-pg-settings-"));
const running: RunningPostgres[] = [];
const dataDirs: string[] = [];

async function start(name: string): Promise<RunningPostgres> {
  const dataDir = path.join(root, name, "postgres");
  if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
  const server = await startEmbeddedPostgres({ dataDir, quiet: true });
  running.push(server);
  return server;
}

async function query(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refused(port: number, password: string): Promise<string | undefined> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await client.end().catch(() => {});
  }
}

afterAll(async () => {
  for (const server of running) await server.stop();
  for (const dataDir of dataDirs) removeEmbeddedPostgresData(dataDir);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL as npm start runs it", () => {
  it("runs with fsync on and a password of its own, kept 0600, that survives a restart", async () => {
    let a = await start("a");
    expect(await query(a.urlFor("postgres"), "SHOW fsync")).toEqual([{ fsync: "on" }]);

    const passwordFile = passwordFileFor(dataDirs[0]!);
    expect((fs.statSync(passwordFile).mode & 0o777).toString(8)).toBe("600");
    const password = fs.readFileSync(passwordFile, "utf8").trim();
    expect(password).not.toBe("jiebang");
    expect(new URL(a.urlFor("postgres")).password).toBe(password);
    expect(await refused(a.port, "jiebang")).toBe("28P01");
    expect((fs.statSync(a.pgdata).mode & 0o777).toString(8)).toBe("700");

    await a.stop();
    a = await start("a");
    expect(new URL(a.urlFor("postgres")).password).toBe(password);
    await query(a.urlFor("postgres"), "SELECT 1");

    const b = await start("b");
    expect(new URL(b.urlFor("postgres")).password).not.toBe(password);
    await a.stop();
    await b.stop();
  });

  it("gives a cluster made with the old fixed password its own password on its next start", async () => {
    let server = await start("legacy");
    await query(server.urlFor("postgres"), "ALTER ROLE postgres PASSWORD 'jiebang'");
    await server.stop();
    fs.rmSync(passwordFileFor(dataDirs.at(-1)!));

    server = await start("legacy");
    const password = fs.readFileSync(passwordFileFor(dataDirs.at(-1)!), "utf8").trim();
    expect(password).not.toBe("jiebang");
    await query(server.urlFor("postgres"), "SELECT 1");
    expect(await refused(server.port, "jiebang")).toBe("28P01");
    await server.stop();
  });
});
