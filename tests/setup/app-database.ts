import { createTestDatabase } from "./test-db";

// Points the app at a fresh copy of the template database. App modules read DATABASE_URL when
// first used, so import them (dynamically) only after calling this.
export async function useAppDatabase(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  process.env.APP_URL = "http://jiebang.test";
  delete process.env.RESEND_API_KEY;
  return {
    url: testDb.url,
    cleanup: async () => {
      const { stopBoss } = await import("../../app/utils/jobs.server");
      const { db } = await import("../../app/utils/db.server");
      await stopBoss();
      await db.$disconnect();
      await testDb.drop();
    },
  };
}
