import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { removeEmbeddedPostgresData, startEmbeddedPostgres, type RunningPostgres } from "../../app/server/embedded-postgres";

// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which cannot enter a
// checkout in a private (mode 700) folder such as root's home. Only root can exercise that path.
const isRoot = process.getuid?.() === 0;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Every directory on the way must let the `postgres` user through (others' execute bit).
function reachableByOthers(file: string): boolean {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!(fs.statSync(dir).mode & 0o001)) return false;
  }
  return true;
}

describe.skipIf(!isRoot)("embedded PostgreSQL started by root from a private directory (needs root: skipped otherwise)", () => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-private-"));
  const dataDir = path.join(privateDir, "checkout", ".data", "postgres");
  let server: RunningPostgres | undefined;

  afterAll(async () => {
    await server?.stop();
    removeEmbeddedPostgresData(dataDir);
    fs.rmSync(privateDir, { recursive: true, force: true });
  });

  it("initialises, runs as `postgres` from binaries it can reach, and keeps its data across restarts", async () => {
    fs.chmodSync(privateDir, 0o700);
    server = await startEmbeddedPostgres({ dataDir, quiet: true });
    await server.createDatabase("private_dir_check");
    const url = server.urlFor("private_dir_check");
    await query(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives a restart')");

    const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    expect(uid).not.toBe(0);
    const executable = fs.readlinkSync(`/proc/${server.pid}/exe`);
    expect(executable.startsWith(privateDir)).toBe(false);
    expect(reachableByOthers(executable)).toBe(true);
    // The cluster itself is private to the `postgres` user.
    expect(fs.statSync(server.pgdata).mode & 0o777).toBe(0o700);
    expect(fs.statSync(server.pgdata).uid).toBe(uid);

    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, quiet: true });
    const rows = await query<{ v: string }>(server.urlFor("private_dir_check"), "SELECT v FROM kept");
    expect(rows).toEqual([{ v: "survives a restart" }]);
    const pgdata = server.pgdata;
    await server.stop();
    server = undefined;

    removeEmbeddedPostgresData(dataDir);
    expect(fs.existsSync(pgdata)).toBe(false);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
