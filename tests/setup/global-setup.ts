import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "../../app/server/embedded-postgres";
import { prisma } from "../../app/server/run-command";
import { TEMPLATE_DB } from "./template-name";

// One Postgres for the whole run and one migrated template; every test file copies the template.
let server: RunningPostgres | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    const dataDir = path.resolve(".data-test", "postgres");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    server = await startEmbeddedPostgres({ dataDir, quiet: true });
    adminUrl = server.urlFor("postgres");
    await server.dropDatabase(TEMPLATE_DB);
    await server.createDatabase(TEMPLATE_DB);
  }
  const templateUrl = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${TEMPLATE_DB}$1`);
  await prisma(["migrate", "deploy"], templateUrl);
  // pg-boss creates its schema on first start; do it once here so copies carry it.
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: templateUrl, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
