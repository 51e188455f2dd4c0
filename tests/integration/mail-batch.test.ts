import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "../fixtures/fake-resend";
import { createTestDatabase } from "../setup/test-db";

// Digests go out through Resend's batch call: at most 100 mails a request, the batch key (derived
// from the mails' own keys) as Idempotency-Key, retried as the same request, split when refused.
type MailModule = typeof import("../../app/modules/notifications/mail.server");
type BatchModule = typeof import("../../app/modules/notifications/mail-batch-sender.server");
type SenderModule = typeof import("../../app/modules/notifications/mail-sender.server");

let mail: MailModule;
let batches: BatchModule;
let sender: SenderModule;
let db: typeof import("../../app/utils/db.server").db;
let jobs: typeof import("../../app/utils/jobs.server");
let fake: FakeResend;
let drop: () => Promise<void>;
let seq = 0;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  drop = testDb.drop;
  process.env.DATABASE_URL = testDb.url;
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
  mail = await import("../../app/modules/notifications/mail.server");
  batches = await import("../../app/modules/notifications/mail-batch-sender.server");
  sender = await import("../../app/modules/notifications/mail-sender.server");
  db = (await import("../../app/utils/db.server")).db;
  jobs = await import("../../app/utils/jobs.server");
});

afterAll(async () => {
  await jobs?.stopBoss();
  await db?.$disconnect();
  await fake?.close();
  await drop?.();
});

function rendered(n: number, label: string) {
  seq += 1;
  return Array.from({ length: n }, (_, i) => ({
    to: `${label}-${seq}-${i}@example.cn`,
    subject: `摘要 ${i}`,
    html: `<p>digest ${i}</p>`,
    text: `digest ${i}`,
    template: "digest" as const,
    idempotencyKey: `digest:test-${label}-${seq}:${String(i).padStart(4, "0")}`,
    headers: { "List-Unsubscribe": `<https://jiebang.example.cn/unsubscribe/t${i}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  }));
}

async function batchKeysOf(keys: string[]) {
  const rows = await db.mail.findMany({ where: { idempotencyKey: { in: keys } }, select: { batchKey: true } });
  return [...new Set(rows.map((r) => r.batchKey))];
}

const batchRequests = (key: string) => fake.requests.filter((r) => r.path === "/emails/batch" && r.idempotencyKey === key);

describe("digest mail batches", () => {
  it("cuts 150 new mails into batches of 100 and 50, each with one job, keyed by its mails' keys", async () => {
    const mails = rendered(150, "cut");
    const inserted = await db.$transaction((tx) => mail.queueMailBatches(tx, mails));
    expect(inserted).toHaveLength(150);
    const keys = await batchKeysOf(mails.map((m) => m.idempotencyKey));
    expect(keys).toHaveLength(2);
    const sizes = await Promise.all(keys.map((k) => db.mail.count({ where: { batchKey: k! } })));
    expect(sizes.sort()).toEqual([100, 50].sort());
    const queued = await db.$queryRaw<{ key: string }[]>`SELECT data->>'batchKey' AS key FROM pgboss.job WHERE name = 'mail-batch-send'`;
    expect(queued.map((q) => q.key).filter((k) => keys.includes(k)).sort()).toEqual([...keys].sort());
    // The key is a pure function of the mails' keys.
    const first = await db.mail.findMany({ where: { batchKey: keys[0]! }, select: { idempotencyKey: true } });
    expect(mail.batchKeyOf(first.map((m) => m.idempotencyKey))).toBe(keys[0]);

    // Queued again (a retried digest run): nothing new, no new batch.
    expect(await db.$transaction((tx) => mail.queueMailBatches(tx, mails))).toEqual([]);
    expect(await batchKeysOf(mails.map((m) => m.idempotencyKey))).toHaveLength(2);
  });

  it("sends a batch in one request with its key, with headers and plain text; a replay after a lost answer sends nothing twice", async () => {
    const mails = rendered(3, "send");
    await db.$transaction((tx) => mail.queueMailBatches(tx, mails));
    const [batchKey] = (await batchKeysOf(mails.map((m) => m.idempotencyKey))) as string[];

    fake.holdNext(1); // accepted, answer lost: the client times out
    const abort = batches.sendMailBatch(batchKey!);
    await expect.poll(() => fake.deliveries.filter((d) => d.idempotencyKey === batchKey).length, { timeout: 10_000 }).toBe(3);
    // The SDK gives up after its timeout; here a second worker picks the job up meanwhile.
    await expect(batches.sendMailBatch(batchKey!)).resolves.toBe("sent");
    void abort.catch(() => undefined);

    const delivered = fake.deliveries.filter((d) => d.idempotencyKey === batchKey);
    expect(delivered).toHaveLength(3);
    expect(delivered.every((d) => d.batch)).toBe(true);
    expect(delivered[0]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(delivered.map((d) => d.text).sort()).toEqual(["digest 0", "digest 1", "digest 2"]);
    const rows = await db.mail.findMany({ where: { batchKey }, orderBy: { idempotencyKey: "asc" } });
    expect(rows.every((r) => r.status === "sent" && r.providerId)).toBe(true);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(3);
    await expect(batches.sendMailBatch(batchKey!)).resolves.toBe("already-done");
  }, 60_000);

  it("retries a batch after a 429 as the same request, honouring Retry-After", async () => {
    const mails = rendered(2, "rate");
    await db.$transaction((tx) => mail.queueMailBatches(tx, mails));
    const [batchKey] = (await batchKeysOf(mails.map((m) => m.idempotencyKey))) as string[];
    const now = new Date();
    fake.failNext(1, { status: 429, name: "rate_limit_exceeded", retryAfter: "30" });
    await expect(batches.sendMailBatch(batchKey!, { now, random: () => 0 })).resolves.toBe("retry-scheduled");
    const waiting = await db.mail.findMany({ where: { batchKey } });
    expect(waiting.every((m) => m.status === "queued" && m.nextAttemptAt!.getTime() - now.getTime() === 30_000)).toBe(true);
    await expect(batches.sendMailBatch(batchKey!, { now: new Date(now.getTime() + 10_000) })).resolves.toBe("not-due");
    await expect(batches.sendMailBatch(batchKey!, { now: new Date(now.getTime() + 31_000) })).resolves.toBe("sent");
    const attempts = batchRequests(batchKey!);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(JSON.stringify(attempts[0]!.body)).toBe(JSON.stringify(attempts[1]!.body));
    expect(fake.deliveries.filter((d) => d.idempotencyKey === batchKey)).toHaveLength(2);
  });

  it("splits a refused batch into single mails: the bad address is dead-lettered, the others are sent", async () => {
    const mails = rendered(3, "split");
    await db.$transaction((tx) => mail.queueMailBatches(tx, mails));
    const [batchKey] = (await batchKeysOf(mails.map((m) => m.idempotencyKey))) as string[];
    const bad = mails[1]!.to;
    fake.failAddress(bad, { status: 422, name: "validation_error", message: "Invalid `to` field." });

    await expect(batches.sendMailBatch(batchKey!)).resolves.toBe("split");
    const rows = await db.mail.findMany({ where: { idempotencyKey: { in: mails.map((m) => m.idempotencyKey) } } });
    expect(rows.every((r) => r.batchKey === null && r.status === "queued")).toBe(true);
    for (const row of rows) await sender.deliverMail(row.id);

    const after = await db.mail.findMany({ where: { idempotencyKey: { in: mails.map((m) => m.idempotencyKey) } } });
    expect(after.find((r) => r.to === bad)).toMatchObject({ status: "dead", lastErrorStatus: 422 });
    expect(after.filter((r) => r.status === "sent")).toHaveLength(2);
    expect(fake.deliveries.filter((d) => mails.some((m) => m.to === d.to))).toHaveLength(2);
  });

  it("keeps batches in the local outbox without a Resend key", async () => {
    const mails = rendered(2, "outbox");
    await db.$transaction((tx) => mail.queueMailBatches(tx, mails));
    const [batchKey] = (await batchKeysOf(mails.map((m) => m.idempotencyKey))) as string[];
    const before = fake.requests.length;
    delete process.env.RESEND_API_KEY;
    try {
      await expect(batches.sendMailBatch(batchKey!)).resolves.toBe("stored");
    } finally {
      process.env.RESEND_API_KEY = "re_test_key";
    }
    expect(fake.requests.length).toBe(before);
    expect((await db.mail.findMany({ where: { batchKey } })).every((m) => m.status === "stored")).toBe(true);
  });
});
