import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { removeEmbeddedPostgresData, startEmbeddedPostgres, type RunningPostgres } from "../../app/server/embedded-postgres";
import { prisma } from "../../app/server/run-command";
import { SetupError } from "../../app/server/setup-error";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";
import { TEMPLATE_DB } from "./template-name";

// One Postgres for the whole run and one migrated template; every test file copies the template.
let server: RunningPostgres | undefined;
// One Meilisearch for the run too; test files keep apart through their own index prefix (search-test.ts).
let meili: RunningMeilisearch | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Data dirs left by runs that crashed (their test runner is gone) would otherwise pile up.
function removeDeadRuns(dir: string) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const match = /^(meilisearch|postgres)-(\d+)$/.exec(name);
    if (match && !alive(Number(match[2]))) {
      // As root a cluster lives outside the checkout, linked from here (postgres-placement.ts).
      if (match[1] === "postgres") removeEmbeddedPostgresData(path.join(dir, name));
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      fs.rmSync(path.join(dir, `${name}.pid`), { force: true });
    }
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  removeDeadRuns(path.resolve(".data-test"));
  // Per run (pid) like Meilisearch below: two runs in one checkout never stop each other's database.
  const pgDir = path.resolve(".data-test", `postgres-${process.pid}`);
  if (!adminUrl) {
    const dataDir = pgDir;
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    server = await startEmbeddedPostgres({ dataDir, quiet: true, testOnlyNoFsync: true }).catch((error: unknown) => {
      // A machine problem (permissions, no `postgres` user): one line that says what to do.
      if (!(error instanceof SetupError)) throw error;
      console.error(`[test] ${error.message}`);
      process.exit(1);
    });
    adminUrl = server.urlFor("postgres");
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
  let meiliHost = process.env.TEST_MEILI_HOST;
  let meiliKey = process.env.TEST_MEILI_MASTER_KEY ?? "";
  // Per run (pid), so two runs in one checkout never stop or delete each other's Meilisearch.
  const meiliDir = path.resolve(".data-test", `meilisearch-${process.pid}`);
  if (!meiliHost) {
    meili = await startEmbeddedMeilisearch({ dataDir: meiliDir, masterKey: crypto.randomBytes(24).toString("base64url") });
    meiliHost = meili.host;
    meiliKey = meili.masterKey;
  }
  project.provide("meiliHost", meiliHost);
  project.provide("meiliMasterKey", meiliKey);
  return async () => {
    await meili?.stop();
    // Indexes of a finished run are useless (random prefixes per file): don't let them pile up.
    if (meili) {
      fs.rmSync(meiliDir, { recursive: true, force: true });
      fs.rmSync(`${meiliDir}.pid`, { force: true });
    }
    await server?.stop();
    if (server) removeEmbeddedPostgresData(pgDir);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    meiliHost: string;
    meiliMasterKey: string;
  }
}
