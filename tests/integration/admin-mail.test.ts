import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "../fixtures/fake-resend";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// Repeated 500s: retried with backoff, then dead-lettered; the admin mail page shows it with the
// provider's message and sends it again on request (audited), exactly once.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let fake: FakeResend;
let db: typeof import("../../app/utils/db.server").db;
let mail: typeof import("../../app/modules/notifications/mail.server");
let sender: typeof import("../../app/modules/notifications/mail-sender.server");
let route: typeof import("../../app/routes/admin.mail");

beforeAll(async () => {
  database = await useAppDatabase();
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
  db = (await import("../../app/utils/db.server")).db;
  mail = await import("../../app/modules/notifications/mail.server");
  sender = await import("../../app/modules/notifications/mail-sender.server");
  route = await import("../../app/routes/admin.mail");
});

afterAll(async () => {
  await fake?.close();
  await database?.cleanup();
});

async function as(role: "admin" | "vendor", method = "GET", body?: FormData) {
  const user = await createUser(db, role);
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}`;
  return { user, request: new Request("http://jiebang.test/admin/mail", { method, headers: { Cookie: cookie }, body }) };
}

const status = (r: Response | { init: ResponseInit | null }) => (r instanceof Response ? r.status : (r.init?.status ?? 200));

describe("dead letters on the admin mail page", () => {
  it("repeated 500s: retries, then a dead letter listed with the error; the retry button sends it once and is audited", async () => {
    const key = `admin-mail:${Date.now()}`;
    const to = "dead-letter@example.cn";
    const { id } = await db.$transaction((tx) =>
      mail.queueMail(tx, { to, template: "verify-email", props: { name: "张伟", verifyUrl: "https://jiebang.example.cn/v?t=1" }, locale: "zh-CN", idempotencyKey: key }));
    fake.failAlways({ status: 500 });
    let now = Date.now();
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      outcomes.push(await sender.deliverMail(id, { now: new Date(now) }));
      now += 3_600_000;
    }
    fake.failAlways(null);
    expect(outcomes.filter((o) => o === "retry-scheduled")).toHaveLength(7);
    expect(outcomes.slice(7)).toEqual(["dead", "already-done", "already-done"]);
    expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(8);

    const { request } = await as("admin");
    const page = await route.loader({ request, params: {}, context: {} });
    const row = page.mails.find((m) => m.id === id);
    expect(row).toMatchObject({ to, status: "dead", attempts: 8, lastErrorStatus: 500 });
    expect(row!.lastError).toMatch(/^gave up after 8 attempts: 500 internal_server_error/);

    // Not for anyone else.
    await expect(route.loader({ request: (await as("vendor")).request, params: {}, context: {} })).rejects.toMatchObject({ status: 403 });

    const form = new FormData();
    form.set("mailId", id);
    const { user: admin, request: post } = await as("admin", "POST", form);
    const response = await route.action({ request: post, params: {}, context: {} });
    expect(status(response)).toBe(302);
    expect(await db.mail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "queued", attempts: 0, failedAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "mail.retry", entityId: id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "mail" });
    expect(audit.data).toMatchObject({ from: "dead", to, template: "verify-email" });
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail-send' AND data->>'mailId' = ${id} AND state = 'created'`;
    expect(Number(jobs[0]!.n)).toBeGreaterThan(0);

    await expect(sender.deliverMail(id)).resolves.toBe("sent");
    expect(fake.deliveries.filter((d) => d.idempotencyKey === key)).toHaveLength(1);
    const after = await route.loader({ request: (await as("admin")).request, params: {}, context: {} });
    expect(after.mails.some((m) => m.id === id)).toBe(false);

    // A mail that is no longer undelivered cannot be retried: 409 with a message, not a 500.
    const again = new FormData();
    again.set("mailId", id);
    const refused = await route.action({ request: (await as("admin", "POST", again)).request, params: {}, context: {} });
    expect(status(refused)).toBe(409);
  });
});
