import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

import { TEMPLATE_DB } from "./template-name";

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// A fresh copy of the migrated template for one test file: real Postgres, no mocks.
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `jiebang_test_${crypto.randomBytes(5).toString("hex")}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  const url = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  return {
    url,
    drop: () => admin(adminUrl, async (c) => {
      // A pool still closing its connections (a client that has stopped listening for errors) would get
      // FORCE's "terminating connection" as an uncaught exception in the test run: let them go first.
      for (let wait = 0; wait < 50; wait += 1) {
        const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }),
  };
}
