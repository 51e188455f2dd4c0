import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "../fixtures/fake-resend";
import { createTestDatabase } from "../setup/test-db";

// App modules read DATABASE_URL when first used, so they are imported only after it points at
// this file's fresh database.
type MailModule = typeof import("../../app/modules/notifications/mail.server");
type SenderModule = typeof import("../../app/modules/notifications/mail-sender.server");
type DbModule = typeof import("../../app/utils/db.server");
type JobsModule = typeof import("../../app/utils/jobs.server");

let mail: MailModule;
let sender: SenderModule;
let db: DbModule["db"];
let jobs: JobsModule;
let fake: FakeResend;
let dropDatabase: () => Promise<void>;
let seq = 0;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  dropDatabase = testDb.drop;
  process.env.DATABASE_URL = testDb.url;
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  mail = await import("../../app/modules/notifications/mail.server");
  sender = await import("../../app/modules/notifications/mail-sender.server");
  db = (await import("../../app/utils/db.server")).db;
  jobs = await import("../../app/utils/jobs.server");
  fake = await startFakeResend();
});

afterAll(async () => {
  await jobs?.stopBoss();
  await db?.$disconnect();
  await fake?.close();
  await dropDatabase?.();
});

beforeEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

function useFakeResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
}

/** Unique key and address per test, so tests never see each other's rows. */
function uniq(label: string) {
  seq += 1;
  return { key: `test:${label}:${seq}:${Date.now()}`, to: `user${seq}-${label}@example.cn` };
}

function queueVerify(tx: Parameters<MailModule["queueMail"]>[0], key: string, to: string) {
  return mail.queueMail(tx, {
    to,
    template: "verify-email",
    props: { name: "张伟", verifyUrl: `https://jiebang.example.cn/verify-email?token=${encodeURIComponent(key)}` },
    locale: "zh-CN",
    idempotencyKey: key,
    headers: { "X-Entity-Ref-ID": key },
  });
}

async function jobsFor(mailId: string) {
  return db.$queryRaw<{ state: string; singleton_key: string | null }[]>`
    SELECT state::text AS state, singleton_key FROM pgboss.job WHERE name = 'mail-send' AND data->>'mailId' = ${mailId}`;
}

async function startAfterOf(mailId: string) {
  return db.$queryRaw<{ singleton_key: string | null; start_after: Date }[]>`
    SELECT singleton_key, start_after FROM pgboss.job WHERE name = 'mail-send' AND data->>'mailId' = ${mailId}`;
}

const sentTo = (key: string) => fake.requests.filter((r) => r.idempotencyKey === key && r.status === 200);

describe("queueMail", () => {
  it("stores one queued mail and one send job in the caller's transaction", async () => {
    const { key, to } = uniq("queue");
    const queued = await db.$transaction((tx) => queueVerify(tx, key, to));

    expect(queued.created).toBe(true);
    const row = await db.mail.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toMatchObject({ to, template: "verify-email", status: "queued", attempts: 0 });
    expect(row.subject).toContain("验证");
    expect(row.html).toContain("verify-email?token=");
    expect(row.text).toContain("https://jiebang.example.cn/verify-email?token=");
    expect(row.headers).toEqual({ "X-Entity-Ref-ID": key });
    expect(await jobsFor(row.id)).toEqual([{ state: "created", singleton_key: row.id }]);
  });

  it("leaves neither mail nor job when the transaction rolls back", async () => {
    const { key, to } = uniq("rollback");
    let mailId = "";
    await expect(
      db.$transaction(async (tx) => {
        mailId = (await queueVerify(tx, key, to)).id;
        throw new Error("caller failed after queueing");
      }),
    ).rejects.toThrow("caller failed after queueing");

    expect(mailId).not.toBe("");
    expect(await db.mail.count({ where: { idempotencyKey: key } })).toBe(0);
    expect(await jobsFor(mailId)).toEqual([]);
  });

  it("never creates a second mail for the same idempotency key", async () => {
    const { key, to } = uniq("dedupe");
    const first = await db.$transaction((tx) => queueVerify(tx, key, to));
    const second = await db.$transaction((tx) => queueVerify(tx, key, to));
    const inSameTx = await db.$transaction(async (tx) => [await queueVerify(tx, key, to), await queueVerify(tx, key, to)]);

    expect(second).toMatchObject({ id: first.id, created: false });
    expect(inSameTx.map((m) => m.id)).toEqual([first.id, first.id]);
    expect(await db.mail.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await jobsFor(first.id)).toHaveLength(1);
  });

  it("keeps one mail when two transactions race on the same key", async () => {
    const { key, to } = uniq("race");
    const results = await Promise.all([1, 2].map(() => db.$transaction((tx) => queueVerify(tx, key, to))));

    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.mail.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await jobsFor(results[0]!.id)).toHaveLength(1);
  });
});

describe("deliverMail", () => {
  it("sends through Resend once, with the mail's idempotency key", async () => {
    useFakeResend();
    const { key, to } = uniq("send");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));

    await expect(sender.deliverMail(id)).resolves.toBe("sent");

    const requests = sentTo(key);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers["idempotency-key"]).toBe(key);
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    const row = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(request.body).toMatchObject({
      from: "揭榜 Jiebang <noreply@jiebang.example.cn>",
      to,
      subject: row.subject,
      html: row.html,
      text: row.text,
      headers: { "X-Entity-Ref-ID": key },
    });
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row.providerId).toEqual(expect.any(String));
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("schedules a retry on a 500 (the job completes), is not sent early, then is sent once", async () => {
    useFakeResend();
    const { key, to } = uniq("retry");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    const now = new Date();

    fake.failNext(1);
    await expect(sender.deliverMail(id, { now, random: () => 0 })).resolves.toBe("retry-scheduled");
    const failed = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "queued", attempts: 1, providerId: null, lastErrorStatus: 500 });
    expect(failed.lastError).toMatch(/500/);
    // First backoff step: 5 s, of which "equal jitter" keeps at least half.
    expect(failed.nextAttemptAt!.getTime() - now.getTime()).toBe(2_500);
    const retryJob = (await startAfterOf(id)).find((j) => j.singleton_key === `${id}:1`);
    expect(retryJob?.start_after.getTime()).toBe(failed.nextAttemptAt!.getTime());

    // The first job, retried after a crash, must not jump the backoff.
    const before = fake.requests.length;
    await expect(sender.deliverMail(id, { now: new Date(now.getTime() + 1_000) })).resolves.toBe("not-due");
    expect(fake.requests.length).toBe(before);

    await expect(sender.deliverMail(id, { now: new Date(now.getTime() + 3_000) })).resolves.toBe("sent");
    const sent = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null, nextAttemptAt: null });
    expect(sentTo(key)).toHaveLength(1);
    // Both attempts carried the same key, so the provider could deduplicate a lost success.
    expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(2);
  });

  it("waits at least as long as a 429's Retry-After", async () => {
    useFakeResend();
    const { key, to } = uniq("ratelimit");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    const now = new Date();
    fake.failNext(1, { status: 429, name: "rate_limit_exceeded", retryAfter: "120" });
    await expect(sender.deliverMail(id, { now, random: () => 0 })).resolves.toBe("retry-scheduled");
    const row = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(row.nextAttemptAt!.getTime() - now.getTime()).toBe(120_000);
    expect(row).toMatchObject({ status: "queued", lastErrorStatus: 429 });
  });

  it("dead-letters a mail the provider refuses for good (4xx), with its message, and sends nothing more", async () => {
    useFakeResend();
    const { key, to } = uniq("refused");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    fake.failAddress(to, { status: 422, name: "validation_error", message: "Invalid `to` field." });
    await expect(sender.deliverMail(id)).resolves.toBe("dead");
    const row = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "dead", attempts: 1, lastErrorStatus: 422, nextAttemptAt: null });
    expect(row.lastError).toBe("422 validation_error: Invalid `to` field.");
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(await startAfterOf(id)).toHaveLength(1); // only the job that queued it
    await expect(sender.deliverMail(id)).resolves.toBe("already-done");
  });

  it("gives up after the last attempt on repeated 500s and dead-letters the mail", async () => {
    useFakeResend();
    const { key, to } = uniq("exhausted");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    fake.failAlways({ status: 500 });
    try {
      let now = Date.now();
      const results: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        results.push(await sender.deliverMail(id, { now: new Date(now) }));
        now += 3_600_000; // past any backoff
      }
      expect(results).toEqual([...Array(7).fill("retry-scheduled"), "dead"]);
    } finally {
      fake.failAlways(null);
    }
    const row = await db.mail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "dead", attempts: 8, lastErrorStatus: 500 });
    expect(row.lastError).toMatch(/^gave up after 8 attempts: 500/);
    expect(sentTo(key)).toHaveLength(0);
  });

  it("does not send a mail that was already sent", async () => {
    useFakeResend();
    const { key, to } = uniq("resend");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    await sender.deliverMail(id);
    const before = await db.mail.findUniqueOrThrow({ where: { id } });
    const requestCount = fake.requests.length;

    await expect(sender.deliverMail(id)).resolves.toBe("already-done");

    expect(fake.requests.length).toBe(requestCount);
    expect(await db.mail.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("keeps the mail in the local outbox without RESEND_API_KEY", async () => {
    const { key, to } = uniq("outbox");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    const requestCount = fake.requests.length;

    await expect(sender.deliverMail(id)).resolves.toBe("stored");

    expect(fake.requests.length).toBe(requestCount);
    expect(await db.mail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "stored", sentAt: null });
    await expect(sender.deliverMail(id)).resolves.toBe("already-done");
  });
});

describe("registerMailWorker", () => {
  it("a 429 then a success makes exactly one mail, sent on the job the 429 scheduled", async () => {
    useFakeResend();
    const { key, to } = uniq("worker429");
    // For this address only: the queue also holds the other tests' mails.
    fake.failAddress(to, { status: 429, name: "rate_limit_exceeded", retryAfter: "1" }, 1);
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    const boss = await jobs.startBoss();
    const workerId = await sender.registerMailWorker(boss);
    try {
      await expect.poll(async () => (await db.mail.findUniqueOrThrow({ where: { id } })).status, { timeout: 30_000, interval: 200 }).toBe("sent");
      expect(fake.requests.filter((r) => r.idempotencyKey === key).map((r) => r.status)).toEqual([429, 200]);
      expect(fake.deliveries.filter((d) => d.idempotencyKey === key)).toHaveLength(1);
      expect(await db.mail.findUniqueOrThrow({ where: { id } })).toMatchObject({ attempts: 2, lastError: null });
    } finally {
      await boss.offWork({ id: workerId });
    }
  }, 40_000);

  it("delivers queued mail from the pg-boss queue", async () => {
    useFakeResend();
    const { key, to } = uniq("worker");
    const { id } = await db.$transaction((tx) => queueVerify(tx, key, to));
    const boss = await jobs.startBoss();
    const workerId = await sender.registerMailWorker(boss);
    try {
      await expect.poll(async () => (await db.mail.findUniqueOrThrow({ where: { id } })).status, { timeout: 15_000, interval: 200 }).toBe("sent");
      await expect.poll(async () => (await jobsFor(id))[0]?.state, { timeout: 5_000, interval: 200 }).toBe("completed");
      expect(sentTo(key)).toHaveLength(1);
    } finally {
      await boss.offWork({ id: workerId });
    }
  }, 30_000);
});
