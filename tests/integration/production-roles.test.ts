import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../setup/test-db";

// The documented production setup: the app connects as a role that can append to the audit log
// but can neither change, delete, truncate nor alter it.
let testDb: { url: string; drop(): Promise<void> };
let appUrl: string;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const password = crypto.randomBytes(18).toString("base64url");
  await withClient(testDb.url, async (owner) => {
    await owner.query(fs.readFileSync(path.resolve("prisma/production-roles.sql"), "utf8"));
    await owner.query(`ALTER ROLE jiebang_app PASSWORD '${password}'`);
  });
  const url = new URL(testDb.url);
  url.username = "jiebang_app";
  url.password = password;
  appUrl = url.toString();
});
afterAll(() => testDb?.drop());

describe("the app's database role", () => {
  it("writes the app's tables and appends to the audit log", async () => {
    await withClient(appUrl, async (app) => {
      await app.query(`INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ('role-test', 1, now())`);
      await app.query(`UPDATE "RateLimit" SET "count" = 2 WHERE "key" = 'role-test'`);
      await app.query(`DELETE FROM "RateLimit" WHERE "key" = 'role-test'`);
      await app.query(`INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('role.test', 'user', 'x')`);
      expect((await app.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'role.test'`)).rows[0].n).toBe(1);
    });
  });

  it("cannot update, delete, truncate, alter or drop the audit log, nor drop its trigger", async () => {
    await withClient(appUrl, async (app) => {
      for (const sql of [
        `UPDATE "AuditEvent" SET "action" = 'forged'`,
        `DELETE FROM "AuditEvent"`,
        `TRUNCATE "AuditEvent"`,
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
        `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
        `DROP TABLE "AuditEvent"`,
        `DELETE FROM "_prisma_migrations"`,
      ]) {
        await expect(app.query(sql), sql).rejects.toThrow(/permission denied|must be owner/);
      }
    });
  });

  it("runs the job queue", async () => {
    const { default: PgBoss } = await import("pg-boss");
    const boss = new PgBoss({ connectionString: appUrl, supervise: false, schedule: false });
    await boss.start();
    try {
      await boss.createQueue("role-test");
      expect(await boss.send("role-test", { ok: true })).toEqual(expect.any(String));
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
