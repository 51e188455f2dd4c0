import path from "node:path";
import { localDatabase } from "./local-database";
import { runCommand } from "./run-command";

// `npm run db:migrate` and friends: run a Prisma command against the local database (see local-database.ts).
async function main() {
  const database = await localDatabase(path.resolve(process.env.DATA_DIR ?? ".data"));
  try {
    await runCommand(path.resolve("node_modules", ".bin", "prisma"), process.argv.slice(2), { env: { DATABASE_URL: database.url } });
  } catch {
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}

await main();
