import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { superviseChild, type SupervisedChild } from "../../app/server/supervisor";
import { startFakeResend, type FakeResend } from "../fixtures/fake-resend";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";
import { useSearch } from "../setup/search-test";

// The real worker process builds a daily digest for 1,000 subscribers (pages of 200) and sends it in
// Resend batches of 100. It is killed with SIGKILL twice: once while the run is between pages, once
// while a batch request is in flight (Resend took it, the answer is lost with the process); the
// supervisor restarts it each time. Afterwards every subscriber has exactly one digest: recorded
// once, mailed once, delivered once.
const SUBSCRIBERS = 1000;

let database: Awaited<ReturnType<typeof useAppDatabase>>;
let search: Awaited<ReturnType<typeof useSearch>>;
let fake: FakeResend;
let db: typeof import("../../app/utils/db.server").db;
let worker: SupervisedChild | undefined;

beforeAll(async () => {
  database = await useAppDatabase();
  search = await useSearch();
  fake = await startFakeResend();
  db = (await import("../../app/utils/db.server")).db;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await search?.cleanup();
  await database?.cleanup();
});

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a worker killed in the middle of a digest batch", () => {
  it("restarts and leaves every subscriber exactly one digest: no loss, no duplicate", async () => {
    const { latestPeriod, windowEndOf } = await import("../../app/modules/digests/digest-periods");
    const { syncSearch } = await import("../../search/sync.server");
    const { enqueue, QUEUES } = await import("../../app/utils/jobs.server");

    const word = `断点${uniqueSuffix()}`;
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const period = latestPeriod("daily", new Date());
    const published = new Date(windowEndOf(period).getTime() - 3_600_000);
    for (const title of [`${word} 水库巡检`, `${word} 河道监测`]) {
      const s = await createScenario(db, { departmentId: department.id, createdById: officer.id, title });
      await db.scenario.update({ where: { id: s.id }, data: { publishedAt: published } });
      await syncSearch([{ kind: "scenario", id: s.id }], { db });
    }
    const vendor = await createOrganisation(db, "vendor");
    const ids = Array.from({ length: SUBSCRIBERS }, (_, i) => `kill${String(i).padStart(4, "0")}${uniqueSuffix()}`);
    await db.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@example.cn`, name: id, emailVerifiedAt: new Date() })) });
    await db.membership.createMany({ data: ids.map((userId) => ({ userId, orgId: vendor.id, role: "vendor_member" as const })) });
    await db.savedSearch.createMany({ data: ids.map((userId) => ({ userId, orgId: vendor.id, name: word, query: `q=${word}`, frequency: "daily" as const })) });

    const logs: string[] = [];
    worker = superviseChild({
      name: "worker", script: "app/server/worker.ts",
      env: { ...process.env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, JIEBANG_SOLE_WORKER: "1" },
      log: (m) => logs.push(m), backoff: { initialMs: 300 },
    });
    await worker.ready;

    await enqueue(null, QUEUES.digestDaily, { period: period.key });
    const recorded = () => db.digestRun.count({ where: { period: period.key } });
    // Kill 1: some pages committed, others not yet built.
    await until("the run to be halfway", async () => { const n = await recorded(); return n > 0 && n < SUBSCRIBERS; });
    const first = worker.current()!.pid!;
    process.kill(first, "SIGKILL");
    const atFirstKill = await recorded();
    expect(atFirstKill).toBeLessThan(SUBSCRIBERS);
    await until("the worker to be restarted", () => worker!.restarts() === 1 && worker!.current()?.pid !== first);

    // Kill 2: a batch is at Resend, its answer lost with the process.
    fake.holdNext(1);
    await until("a batch request in flight", () => fake.held() === 1);
    const second = worker.current()!.pid!;
    process.kill(second, "SIGKILL");
    const deliveredAtSecondKill = fake.deliveries.length;
    expect(deliveredAtSecondKill).toBeLessThan(SUBSCRIBERS + 100);
    await until("the worker to be restarted again", () => worker!.restarts() === 2 && worker!.current()?.pid !== second);
    expect(logs.join("\n")).toMatch(/worker killed by SIGKILL; restarting it/);
    await until("every digest to be sent", async () => (await db.mail.count({ where: { template: "digest", status: "sent" } })) === SUBSCRIBERS, 120_000);

    const runs = await db.digestRun.groupBy({ by: ["userId"], where: { period: period.key }, _count: { _all: true } });
    expect(runs).toHaveLength(SUBSCRIBERS);
    expect(runs.every((r) => r._count._all === 1)).toBe(true);
    const mails = await db.mail.groupBy({ by: ["to"], where: { template: "digest" }, _count: { _all: true } });
    expect(mails).toHaveLength(SUBSCRIBERS);
    expect(mails.every((m) => m._count._all === 1)).toBe(true);
    // At Resend: one delivery per subscriber, although the held batch was sent again after the restart.
    const perRecipient = new Map<string, number>();
    for (const d of fake.deliveries) perRecipient.set(d.to!, (perRecipient.get(d.to!) ?? 0) + 1);
    expect(perRecipient.size).toBe(SUBSCRIBERS);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const batchRequests = fake.requests.filter((r) => r.path === "/emails/batch");
    const retried = batchRequests.filter((r, i) => batchRequests.findIndex((x) => x.idempotencyKey === r.idempotencyKey) !== i);
    // The held batch went again after the restart, with the same key, and was answered from Resend's memory.
    const held = batchRequests.find((r) => r.status === 0)!;
    expect(batchRequests.filter((r) => r.idempotencyKey === held.idempotencyKey).map((r) => r.status)).toEqual([0, 200]);
    console.log(`[digest-kill] first SIGKILL with ${atFirstKill} of ${SUBSCRIBERS} digests recorded; second with a batch in flight (${deliveredAtSecondKill} delivered); then ${batchRequests.length} batch requests (${retried.length} repeated), ${fake.deliveries.length} deliveries`);
  }, 300_000);
});
