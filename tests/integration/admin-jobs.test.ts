import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// Background jobs in the admin console: counts per queue and state, a failed job with the error
// its handler threw, and a retry that puts it back in the queue with one more attempt, audited.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let jobs: typeof import("../../app/utils/jobs.server");
let route: typeof import("../../app/routes/admin.jobs");
let admin: { id: string; cookie: string };

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  jobs = await import("../../app/utils/jobs.server");
  route = await import("../../app/routes/admin.jobs");
  const user = await createUser(db, "admin");
  admin = { id: user.id, cookie: `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}` };
});

afterAll(async () => {
  await database?.cleanup();
});

const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: ResponseInit | null }).init?.status ?? 200));
const load = (search = "") => route.loader({ request: new Request(`http://jiebang.test/admin/jobs${search}`, { headers: { Cookie: admin.cookie } }), params: {}, context: {} });
const post = (fields: Record<string, string>) =>
  route.action({ request: new Request("http://jiebang.test/admin/jobs", { method: "POST", headers: { Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }), params: {}, context: {} });

describe("background jobs page", () => {
  it("shows a failed job with its error, retries it once (audited), and refuses a second retry", async () => {
    const boss = await jobs.startBoss();
    const queue = jobs.QUEUES.searchSync;
    // Retries exhausted: one attempt allowed, and it failed.
    const id = await boss.send(queue, { kind: "scenario", id: "job-test" }, { retryLimit: 0 });
    await boss.send(queue, { kind: "scenario", id: "still-waiting" });
    const [fetched] = await boss.fetch(queue, { batchSize: 1 });
    expect(fetched!.id).toBe(id);
    await boss.fail(queue, id!, new Error("Meilisearch unreachable: connect ECONNREFUSED 127.0.0.1:7700"));

    const page = await load(`?queue=${queue}`);
    const counts = page.counts.find((c) => c.queue === queue)!.counts;
    expect(counts).toMatchObject({ failed: 1, created: 1 });
    expect(page.rows).toEqual([expect.objectContaining({ id, queue, error: "Meilisearch unreachable: connect ECONNREFUSED 127.0.0.1:7700", retryCount: 0 })]);

    expect(statusOf(await post({ queue, jobId: id! }))).toBe(302);
    const [row] = await db.$queryRawUnsafe<{ state: string; retry_limit: number }[]>(`SELECT state::text AS state, retry_limit FROM pgboss.job WHERE id = $1::uuid`, id);
    expect(row).toEqual({ state: "retry", retry_limit: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "job", entityId: id!, action: "job.retry" } });
    expect(audit).toMatchObject({ actorId: admin.id, data: { queue, error: expect.stringContaining("ECONNREFUSED"), retryCount: 0 } });
    expect((await load()).total).toBe(0);

    expect(statusOf(await post({ queue, jobId: id! }))).toBe(409);
    expect(statusOf(await post({ queue, jobId: "not-a-uuid" }))).toBe(404);
    expect(statusOf(await post({ queue: "no-such-queue", jobId: id! }))).toBe(400);
    expect(await db.auditEvent.count({ where: { action: "job.retry" } })).toBe(1);
  });
});
