import PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import type { Tx } from "./db.server";

// Queue names in one place; the worker registers a handler for each.
export const QUEUES = {
  events: "event-fan-out",
  evaluationDue: "evaluation-due",
  milestoneDue: "milestone-due",
  mailSend: "mail-send",
  mailBatch: "mail-batch-send",
  scenarioDeadline: "scenario-deadline",
  noticeEnd: "notice-end",
  digestDaily: "digest-daily",
  digestWeekly: "digest-weekly",
  searchSync: "search-sync",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Whether pg-boss has made its tables yet: the worker makes them when it first starts, so a web
 * process started before any worker (or beside none) reads no jobs rather than failing the page.
 */
export async function hasJobTable(db: Pick<PrismaClient, "$queryRaw">): Promise<boolean> {
  const rows = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
  return rows[0]?.exists ?? false;
}

// pg-boss 10 stores a queue's expiry from `expireInSeconds` only (`expireInMinutes` is accepted and
// ignored, leaving its 15-minute default). An active job whose worker died is retried once it
// expires: a mail send gives up after 30 s (mail-sender.server.ts), so 90 s is ample.
export const QUEUE_POLICY: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  // A fan-out to thousands of recipients takes a while; a retry resumes without duplicates (fan-out.server.ts).
  [QUEUES.events]: { retryLimit: 10, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60 },
  // Provider failures are retried by the sender itself (retry-policy.ts: jitter, Retry-After, dead
  // letters); these retries cover only a job that crashed.
  [QUEUES.mailSend]: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 90 },
  [QUEUES.mailBatch]: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  [QUEUES.scenarioDeadline]: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  // The end of a 公示 notice period: finalising is idempotent (conditional on the decision's status).
  [QUEUES.noticeEnd]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // Reminders before an evaluation's due date: a retry after a crash sends nothing twice (remindedAt).
  [QUEUES.evaluationDue]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // Milestone reminders and the overdue flag: conditional updates make a retry send nothing twice.
  [QUEUES.milestoneDue]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  [QUEUES.searchSync]: { retryLimit: 20, retryDelay: 5, retryBackoff: true },
  // A digest run for thousands of subscribers takes a minute or two; a retry resumes where it stopped
  // (digest-run.server.ts), so a short delay is safe.
  [QUEUES.digestDaily]: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 },
  [QUEUES.digestWeekly]: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 },
};

type BossRole = "web" | "worker";
const globalForBoss = globalThis as unknown as { __jiebangBoss?: Promise<PgBoss> };

export function startBoss(role: BossRole = "web", connectionString = env().DATABASE_URL): Promise<PgBoss> {
  globalForBoss.__jiebangBoss ??= (async () => {
    // Web servers only insert jobs; maintenance and cron belong to workers.
    const boss = new PgBoss({
      connectionString,
      max: role === "web" ? 3 : 5,
      supervise: role === "worker",
      schedule: role === "worker",
      // Expired jobs are found by this maintenance pass: every 30 s, not pg-boss's 2 minutes.
      maintenanceIntervalSeconds: 30,
    });
    boss.on("error", (error) => console.error("[jobs]", error.message));
    await boss.start();
    for (const [name, policy] of Object.entries(QUEUE_POLICY)) {
      // createQueue leaves an existing queue as it is: a changed policy reaches older databases through updateQueue.
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...policy });
      else await boss.createQueue(name, { name, ...policy });
    }
    return boss;
  })();
  // A failed start (database down) must not poison every later call in this process.
  globalForBoss.__jiebangBoss.catch(() => {
    globalForBoss.__jiebangBoss = undefined;
  });
  return globalForBoss.__jiebangBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.__jiebangBoss;
  globalForBoss.__jiebangBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * Jobs left active by a worker that died (SIGKILL, power cut) are otherwise retried only once they
 * expire. Only for a worker that knows no other worker shares its database (the launcher's, on the
 * embedded PostgreSQL): elsewhere an active job may be another worker's, busy right now.
 */
export async function retryJobsOfDeadWorkers(boss: PgBoss): Promise<number> {
  const { rows } = (await boss.getDb().executeSql("SELECT name, id FROM pgboss.job WHERE state = 'active'", [])) as { rows: { name: string; id: string }[] };
  // Failing (not resuming) counts the attempt and applies the queue's retry delay and limit.
  for (const row of rows) await boss.fail(row.name, row.id, { message: "the worker stopped while this job was active" });
  return rows.length;
}

// Lets pg-boss write its job row through the caller's Prisma transaction, so the job
// exists exactly when the change that caused it commits.
function txExecutor(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

export async function enqueue(
  tx: Tx | null,
  queue: QueueName,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await startBoss();
  return boss.send(queue, data, tx ? { ...options, db: txExecutor(tx) } : options);
}

/**
 * Many jobs of one queue in a single statement, through the caller's transaction like enqueue():
 * a fan-out page queues hundreds of mails without a round trip for each.
 */
export async function enqueueMany(
  tx: Tx,
  queue: QueueName,
  jobs: { data: object; singletonKey?: string }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await startBoss();
  await boss.insert(jobs.map((job) => ({ name: queue, ...job })), { db: txExecutor(tx) });
}
