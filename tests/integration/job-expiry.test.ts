import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";

// pg-boss 10 reads a queue's expiry from `expireInSeconds` only: `expireInMinutes` was silently
// ignored, so a mail whose worker crashed mid-send waited the 15-minute default before its retry.
type JobsModule = typeof import("../../app/utils/jobs.server");

let jobs: JobsModule;
let database: Awaited<ReturnType<typeof useAppDatabase>>;

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await useAppDatabase();
  // A queue as an earlier version left it: created without a stored expiry.
  await query("SELECT pgboss.create_queue('mail-send', $1::json)", [JSON.stringify({ policy: "standard", retryLimit: 8, retryDelay: 5, retryBackoff: true })]);
  jobs = await import("../../app/utils/jobs.server");
});

afterAll(async () => {
  await database?.cleanup();
});

describe("job expiry", () => {
  it("stores the mail queue's expiry, also on a queue created before, and each mail job carries it", async () => {
    await jobs.startBoss("web");
    const expected = jobs.QUEUE_POLICY["mail-send"].expireInSeconds;
    expect(expected).toBeLessThanOrEqual(120);

    const [queue] = await query<{ expire_seconds: number | null }>("SELECT expire_seconds FROM pgboss.queue WHERE name = 'mail-send'");
    expect(queue?.expire_seconds).toBe(expected);

    const id = await jobs.enqueue(null, jobs.QUEUES.mailSend, { mailId: "expiry-check" });
    const [job] = await query<{ seconds: number }>("SELECT extract(epoch FROM expire_in)::int AS seconds FROM pgboss.job WHERE id = $1", [id]);
    expect(job?.seconds).toBe(expected);
  });
});
