import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { runCommand } from "./run-command";

// `npm run db:migrate` and friends: run a Prisma command against DATABASE_URL, else against the
// database of a running `npm start`, else against the embedded one under DATA_DIR started just for this.
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

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  let url = process.env.DATABASE_URL;
  let server: RunningPostgres | undefined;
  const runtimeFile = path.join(dataDir, "runtime.json");
  if (!url && fs.existsSync(runtimeFile)) {
    const candidate = (JSON.parse(fs.readFileSync(runtimeFile, "utf8")) as { databaseUrl?: string }).databaseUrl;
    if (candidate && (await reachable(candidate))) url = candidate;
  }
  if (!url) {
    server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), quiet: true });
    await server.createDatabase("jiebang");
    url = server.urlFor("jiebang");
  }
  try {
    await runCommand(path.resolve("node_modules", ".bin", "prisma"), process.argv.slice(2), { env: { DATABASE_URL: url } });
  } catch {
    process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}

await main();
