import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { createFollowers, type Follower } from "../fixtures/followers";
import { scenarioInput } from "../fixtures/interested";
import { createOrganisation, createUser } from "../fixtures/users";

// Fan-out at scale: an amendment or a cancellation of a scenario with 2,000 followers commits in
// the same time as one with 10, because the command only enqueues its event; the worker's fan-out
// then reaches every follower exactly once, even when it is retried after dying halfway.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");
let fanOut: typeof import("../../app/modules/notifications/fan-out.server");
let jobs: typeof import("../../app/utils/jobs.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
  fanOut = await import("../../app/modules/notifications/fan-out.server");
  jobs = await import("../../app/utils/jobs.server");
});
afterAll(() => cleanup?.());

const FOLLOWERS = 2_000;
const deadline = new Date(Date.now() + 30 * 86_400_000);

async function publishedScenario(title: string) {
  const department = await createOrganisation(db, "department", `郑州市应急管理局（${title}）`);
  const actor = await createUser(db, "officer", { orgId: department.id });
  const created = await commands.createDraft(actor, department.id, scenarioInput({ title, deadline }));
  const key = { id: created.id, departmentId: department.id };
  await commands.publishScenario(actor, { ...key, version: 1 });
  return { actor, key, code: created.code, title };
}
type Published = Awaited<ReturnType<typeof publishedScenario>>;

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

const amend = (s: Published) =>
  commands.amendScenario(s.actor, { ...s.key, version: 2 }, scenarioInput({ deadline, title: s.title, budgetMax: 360, kpis: ["识别准确率 ≥ 95%"] }), "上调预算");

/** The event jobs a command left in the queue for one scenario. */
async function eventJobs(scenarioId: string) {
  return db.$queryRaw<{ id: string; data: unknown }[]>`
    SELECT id::text AS id, data FROM pgboss.job WHERE name = 'event-fan-out' AND data->>'entityId' = ${scenarioId} AND state = 'created'`;
}

/** What the followers received for one event kind, and how many mail-send jobs their mails have. */
async function received(followers: Follower[], kind: string, scenarioId: string) {
  const userIds = followers.map((f) => f.id);
  const prefix = `${kind}:${scenarioId}`;
  const [notifications, mails, sendJobs] = await Promise.all([
    db.notification.count({ where: { userId: { in: userIds }, kind } }),
    db.mail.count({ where: { to: { in: followers.map((f) => f.email) }, idempotencyKey: { startsWith: prefix } } }),
    db.$queryRaw<{ jobs: bigint; mails: bigint }[]>`
      SELECT count(*) AS jobs, count(DISTINCT j.data->>'mailId') AS mails
      FROM pgboss.job j JOIN "Mail" m ON m.id = j.data->>'mailId'
      WHERE j.name = 'mail-send' AND m."idempotencyKey" LIKE ${`${prefix}%`}`,
  ]);
  return { notifications, mails, sendJobs: Number(sendJobs[0]!.jobs), mailsWithJob: Number(sendJobs[0]!.mails) };
}

describe(`amendment and cancellation with ${FOLLOWERS} followers`, () => {
  let small: Published;
  let big: Published;
  let followers: Follower[];

  beforeAll(async () => {
    small = await publishedScenario("城市内涝积水智能预警（小）");
    big = await publishedScenario("城市内涝积水智能预警（大）");
    await createFollowers(db, small.key.id, 10, "small");
    followers = await createFollowers(db, big.key.id, FOLLOWERS, "big");
    // One follower reads English: the fan-out writes each recipient in their own language.
    await db.user.update({ where: { id: followers[7]!.id }, data: { locale: "en" } });
  }, 120_000);

  it("the amendment commits in constant time and enqueues one event, not 2,000 mails", async () => {
    const few = await timed(() => amend(small));
    const many = await timed(() => amend(big));
    console.log(`amend: 10 followers ${few.ms.toFixed(0)} ms, ${FOLLOWERS} followers ${many.ms.toFixed(0)} ms`);
    expect(many.result.material).toBe(true);
    // Generous bounds for a shared two-core machine; rendering 2,000 mails in the command took > 5 s.
    expect(many.ms).toBeLessThan(2_000);
    expect(many.ms).toBeLessThan(few.ms * 3 + 500);
    // Nothing was rendered inside the write: one job waits for the worker.
    expect(await received(followers, "scenario.amended", big.key.id)).toEqual({ notifications: 0, mails: 0, sendJobs: 0, mailsWithJob: 0 });
    const queued = await eventJobs(big.key.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.data).toEqual({ event: "scenario.amended", entityId: big.key.id, data: { version: 2 } });
  });

  it("the fan-out reaches each follower once, also when retried after dying halfway", async () => {
    const [job] = await eventJobs(big.key.id);
    const killedAfterTwoPages = fanOut.fanOutEvent(job!.data, {
      pageSize: 500,
      afterPage: (page) => {
        if (page === 1) throw new Error("worker killed");
      },
    });
    await expect(killedAfterTwoPages).rejects.toThrow("worker killed");
    expect(await received(followers, "scenario.amended", big.key.id)).toEqual({ notifications: 1_000, mails: 1_000, sendJobs: 1_000, mailsWithJob: 1_000 });

    // The retry completes the rest and leaves the first half alone.
    const retry = await timed(() => fanOut.fanOutEvent(job!.data));
    console.log(`fan-out retry: ${JSON.stringify(retry.result)} in ${retry.ms.toFixed(0)} ms`);
    expect(retry.result).toEqual({ recipients: FOLLOWERS, notifications: 1_000, mails: 1_000 });
    expect(await received(followers, "scenario.amended", big.key.id)).toEqual({ notifications: FOLLOWERS, mails: FOLLOWERS, sendJobs: FOLLOWERS, mailsWithJob: FOLLOWERS });

    // Running it again (a duplicate delivery of the job) adds nothing.
    expect(await fanOut.fanOutEvent(job!.data)).toEqual({ recipients: FOLLOWERS, notifications: 0, mails: 0 });
    expect(await received(followers, "scenario.amended", big.key.id)).toEqual({ notifications: FOLLOWERS, mails: FOLLOWERS, sendJobs: FOLLOWERS, mailsWithJob: FOLLOWERS });

    // The diff reaches every follower, each in their language.
    const zh = await db.mail.findFirstOrThrow({ where: { to: followers[0]!.email, template: "scenario-update" } });
    expect(zh.text).toContain("预算上限");
    expect(zh.text).toContain("360 万元");
    const en = await db.notification.findFirstOrThrow({ where: { userId: followers[7]!.id, kind: "scenario.amended" } });
    expect(en.title).toBe("Material amendment: 城市内涝积水智能预警（大）");
    expect(en.body).toContain("¥3,600,000");
    expect((await db.mail.findFirstOrThrow({ where: { to: followers[7]!.email } })).subject).toMatch(/^\[Jiebang\] Scenario amended/);
    const boss = await jobs.startBoss();
    await boss.cancel(jobs.QUEUES.events, job!.id);
  });

  it("cancellation commits in constant time too, and its fan-out reaches all 2,000 once", async () => {
    await drainEvents(); // the small scenario's amendment, so the count below is the cancellations' own
    const few = await timed(() => commands.cancelScenario(small.actor, small.key, "需求已由省级平台统一建设。"));
    const many = await timed(() => commands.cancelScenario(big.actor, big.key, "需求已由省级平台统一建设。"));
    console.log(`cancel: 10 followers ${few.ms.toFixed(0)} ms, ${FOLLOWERS} followers ${many.ms.toFixed(0)} ms`);
    expect(many.ms).toBeLessThan(2_000);
    expect(many.ms).toBeLessThan(few.ms * 3 + 500);
    expect(await received(followers, "scenario.cancelled", big.key.id)).toEqual({ notifications: 0, mails: 0, sendJobs: 0, mailsWithJob: 0 });

    const drained = await drainEvents();
    expect(drained).toMatchObject({ jobs: 2, recipients: FOLLOWERS + 10, notifications: FOLLOWERS + 10, mails: FOLLOWERS + 10 });
    expect(await received(followers, "scenario.cancelled", big.key.id)).toEqual({ notifications: FOLLOWERS, mails: FOLLOWERS, sendJobs: FOLLOWERS, mailsWithJob: FOLLOWERS });
    const [n] = await db.notification.findMany({ where: { userId: followers[1_999]!.id, kind: "scenario.cancelled" } });
    expect(n?.body).toBe("撤榜原因：需求已由省级平台统一建设。");

    const again = await fanOut.fanOutEvent({ event: "scenario.cancelled", entityId: big.key.id, data: {} });
    expect(again).toEqual({ recipients: FOLLOWERS, notifications: 0, mails: 0 });
    expect(await received(followers, "scenario.cancelled", big.key.id)).toEqual({ notifications: FOLLOWERS, mails: FOLLOWERS, sendJobs: FOLLOWERS, mailsWithJob: FOLLOWERS });
  });

  it("the worker's registered handler picks the event up from the queue", async () => {
    const reopened = await publishedScenario("城市内涝积水智能预警（队列）");
    const few = await createFollowers(db, reopened.key.id, 3, "queued");
    await amend(reopened);
    const boss = await jobs.startBoss();
    const workerIds = await fanOut.registerEventWorker(boss);
    try {
      await expect.poll(() => received(few, "scenario.amended", reopened.key.id), { timeout: 20_000, interval: 250 })
        .toEqual({ notifications: 3, mails: 3, sendJobs: 3, mailsWithJob: 3 });
      await expect.poll(async () => (await eventJobs(reopened.key.id)).length, { timeout: 10_000, interval: 250 }).toBe(0);
    } finally {
      for (const id of workerIds) await boss.offWork({ id });
    }
  }, 40_000);
});
