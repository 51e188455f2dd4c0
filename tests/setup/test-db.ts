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

const OBJECT_IN_USE = "55006";

// A fresh copy of the migrated template for one test file: real Postgres, no mocks.
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `jiebang_test_${crypto.randomBytes(5).toString("hex")}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  const url = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  return {
    url,
    drop: () => admin(adminUrl, async (c) => {
      // Terminating a connection that is still open here (FORCE) hands PostgreSQL's "terminating
      // connection" to a client in this test process that may no longer listen for errors: an uncaught
      // exception that fails the whole run. So connections are given time to close, and a database that
      // still has one is left for the end of the run (the run's own PostgreSQL goes with it) rather than
      // forced; the rare file that leaves a connection open is named.
      for (let wait = 0; wait < 100; wait += 1) {
        const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        // A connection can still open between the count and the DROP (a pool's late reconnect):
        // PostgreSQL then refuses the DROP as "in use" (55006), and the wait goes on.
        if (rows[0]!.n === 0) {
          const dropped = await c.query(`DROP DATABASE IF EXISTS "${name}"`).then(() => true, (error: { code?: string }) => {
            if (error.code !== OBJECT_IN_USE) throw error;
            return false;
          });
          if (dropped) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      console.warn(`[test] ${name} still has a connection open after its tests; it is left for the end of the run`);
    }),
  };
}
