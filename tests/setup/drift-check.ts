import path from "node:path";
import { startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import { runCommand } from "../../app/server/run-command";

// Fails when prisma/schema.prisma and prisma/migrations disagree: a schema change without its
// migration never reaches main. Uses DATABASE_URL when given, else an embedded Postgres.
async function main() {
  let url = process.env.DRIFT_DATABASE_URL;
  const server = url ? undefined : await startEmbeddedPostgres({ dataDir: path.resolve(".data-test", "postgres"), quiet: true, testOnlyNoFsync: true });
  if (server) {
    await server.createDatabase("jiebang_drift");
    url = server.urlFor("jiebang_drift");
  }
  try {
    await runCommand(
      path.resolve("node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { env: { DATABASE_URL: url } },
    );
    console.log("[drift] the migrations match the schema");
  } catch (error) {
    console.error("[drift] prisma/schema.prisma differs from prisma/migrations: run `npm run db:migrate` and commit the migration");
    if (process.env.DEBUG_DRIFT) console.error(error);
    process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}

await main();
