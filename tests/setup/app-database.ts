import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "./test-db";

// Points the app at a fresh copy of the template database. App modules read DATABASE_URL when
// first used, so import them (dynamically) only after calling this.
// Files the app stores (attachments, the demo seed's verification documents) go to a folder of the
// test file's own unless it chose one, never into the checkout's `.data` that `npm start` uses.
export async function useAppDatabase(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  process.env.APP_URL = "http://jiebang.test";
  delete process.env.RESEND_API_KEY;
  const ownDataDir = process.env.DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-test-data-"));
  if (ownDataDir) process.env.DATA_DIR = ownDataDir;
  return {
    url: testDb.url,
    cleanup: async () => {
      const { stopBoss } = await import("../../app/utils/jobs.server");
      const { db } = await import("../../app/utils/db.server");
      await stopBoss();
      await db.$disconnect();
      await testDb.drop();
      if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
