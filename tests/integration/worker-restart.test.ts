import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { superviseChild, type SupervisedChild } from "../../app/server/supervisor";
import { startFakeResend, type FakeResend } from "../fixtures/fake-resend";
import { useAppDatabase } from "../setup/app-database";
import { useSearch } from "../setup/search-test";

// The launcher's children under the supervisor: a worker killed with SIGKILL (mid-send or idle) is
// restarted while the other child keeps running, and each queued mail is sent exactly once.
type MailModule = typeof import("../../app/modules/notifications/mail.server");
type DbModule = typeof import("../../app/utils/db.server");

let database: Awaited<ReturnType<typeof useAppDatabase>>;
let search: Awaited<ReturnType<typeof useSearch>>;
let mail: MailModule;
let db: DbModule["db"];
let fake: FakeResend;
const supervised: SupervisedChild[] = [];
let seq = 0;

beforeAll(async () => {
  database = await useAppDatabase();
  search = await useSearch();
  fake = await startFakeResend();
  mail = await import("../../app/modules/notifications/mail.server");
  db = (await import("../../app/utils/db.server")).db;
});

afterEach(async () => {
  await Promise.all(supervised.splice(0).map((child) => child.stop()));
});

afterAll(async () => {
  await fake?.close();
  await search?.cleanup();
  await database?.cleanup();
});

function supervise(name: string, script: string, logs: string[], initialMs: number, args: string[] = []): SupervisedChild {
  const env = { ...process.env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, JIEBANG_SOLE_WORKER: "1" };
  const child = superviseChild({ name, script, args, env, log: (m) => logs.push(m), backoff: { initialMs } });
  supervised.push(child);
  return child;
}

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function queue(): Promise<{ key: string; id: string }> {
  seq += 1;
  const key = `worker-restart:${seq}:${Date.now()}`;
  const queued = await db.$transaction((tx) =>
    mail.queueMail(tx, {
      to: `restart${seq}@example.cn`,
      template: "verify-email",
      props: { name: "张伟", verifyUrl: `https://jiebang.example.cn/verify-email?token=${seq}` },
      locale: "zh-CN",
      idempotencyKey: key,
    }),
  );
  return { key, id: queued.id };
}

const deliveriesOf = (key: string) => fake.deliveries.filter((d) => d.idempotencyKey === key);
const statusOf = async (id: string) => (await db.mail.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("a supervised worker", () => {
  it("killed mid-send is restarted, the web side stays up, and the mail is delivered exactly once", async () => {
    const logs: string[] = [];
    const web = supervise("web", "tests/fixtures/idle-child.ts", logs, 300);
    const worker = supervise("worker", "app/server/worker.ts", logs, 300);
    await Promise.all([web.ready, worker.ready]);
    const webPid = web.current()!.pid;

    fake.holdNext(1); // Resend accepts the mail, the answer is lost with the worker
    const { key, id } = await queue();
    await until("the worker to send", () => deliveriesOf(key).length === 1);
    const killed = worker.current()!.pid!;
    process.kill(killed, "SIGKILL");

    await until("the worker to be restarted", () => worker.restarts() === 1 && worker.current()?.pid !== killed);
    expect(logs.join("\n")).toMatch(/worker killed by SIGKILL; restarting it in 0\.3 s/);
    await until("the mail to be marked sent", async () => (await statusOf(id)) === "sent");

    expect(deliveriesOf(key)).toHaveLength(1);
    // It was sent again after the restart, and Resend's idempotency key kept it to one delivery.
    expect(fake.requests.filter((r) => r.idempotencyKey === key && r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(web.current()?.pid).toBe(webPid);
    expect(web.restarts()).toBe(0);
  });

  it("sends a mail queued while the worker was down exactly once after its restart", async () => {
    const logs: string[] = [];
    const worker = supervise("worker", "app/server/worker.ts", logs, 2000);
    await worker.ready;
    process.kill(worker.current()!.pid!, "SIGKILL");
    await until("the worker to be gone", () => worker.current() === undefined);

    const { key, id } = await queue();
    await until("the mail to be marked sent", async () => (await statusOf(id)) === "sent");
    expect(worker.restarts()).toBe(1);
    expect(deliveriesOf(key)).toHaveLength(1);
    expect(logs.join("\n")).toMatch(/worker killed by SIGKILL; restarting it in 2\.0 s/);
  });
});
