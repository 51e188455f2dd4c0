import fs from "node:fs";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { createDb } from "../../app/utils/db.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { createSessionToken, createUser, sessionCookieValue, type TestRole } from "../fixtures/users";

function databaseUrl(): string {
  const runtime = JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "runtime.json"), "utf8")) as { databaseUrl: string };
  return runtime.databaseUrl;
}

type Fixtures = {
  loginAs: (role: TestRole, options?: { orgId?: string }) => Promise<{ id: string; email: string; name: string; orgId: string }>;
};

export const test = base.extend<Fixtures, { db: PrismaClient }>({
  db: [
    async ({}, use) => {
      const db = createDb(databaseUrl());
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  // Creates a fresh user (and organisation) for the role and puts its session cookie in the browser.
  loginAs: async ({ db, context, baseURL }, use) => {
    await use(async (role, options = {}) => {
      const user = await createUser(db, role, options);
      const token = await createSessionToken(db, user.id);
      await context.addCookies([{ name: "jb_session", value: sessionCookieValue(token), url: baseURL! }]);
      return user;
    });
  },
});

export { expect };
