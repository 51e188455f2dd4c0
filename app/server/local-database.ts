import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

// For command-line tools (`db:migrate`, `search:reindex`): DATABASE_URL, else the database of a
// running `npm start` (DATA_DIR/runtime.json), else the embedded one under DATA_DIR, started for the run.
export type LocalDatabase = { url: string; stop(): Promise<void> };

export function readRuntime(dataDir: string): { databaseUrl?: string; meiliHost?: string } {
  const file = path.join(dataDir, "runtime.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { databaseUrl?: string; meiliHost?: string }) : {};
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function localDatabase(dataDir: string): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const running = readRuntime(dataDir).databaseUrl;
  if (running && (await reachable(running))) return { url: running, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true });
  await server.createDatabase("jiebang");
  return { url: server.urlFor("jiebang"), stop: () => server.stop() };
}
