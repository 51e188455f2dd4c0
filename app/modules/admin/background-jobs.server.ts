import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { QUEUES, hasJobTable, type QueueName } from "~/utils/jobs.server";
import { JOB_STATES, type JobState } from "./admin-vocabulary";
import { PAGE_SIZE, pageCount, skipFor } from "./table-params";

/**
 * Background jobs for admins: pg-boss's queues read straight from its tables in the same database
 * (web servers do not run pg-boss's maintenance, and a count needs no worker), the failed jobs with
 * the error their handler threw, and a retry. The retry is pg-boss's own (failed → retry, one more
 * attempt allowed) done in a transaction with its audit event, so a retry is never unrecorded.
 */
export const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

export type QueueCounts = { queue: QueueName; counts: Record<JobState, number> };

export async function queueCounts(): Promise<QueueCounts[]> {
  const zero = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const result = new Map<QueueName, Record<JobState, number>>(QUEUE_NAMES.map((q) => [q, zero()]));
  if (await hasJobTable(db)) {
    const rows = await db.$queryRaw<{ name: string; state: JobState; count: number }[]>`
      SELECT name, state::text AS state, COUNT(*)::integer AS count FROM pgboss.job GROUP BY name, state`;
    for (const row of rows) {
      const counts = result.get(row.name as QueueName);
      if (counts && row.state in counts) counts[row.state] = row.count;
    }
  }
  return QUEUE_NAMES.map((queue) => ({ queue, counts: result.get(queue)! }));
}

export type FailedJob = {
  id: string; queue: string; error: string | null; retryCount: number; retryLimit: number;
  createdOn: Date; failedOn: Date | null; data: string;
};

/** The error pg-boss stored for a failed job: its output is the thrown error serialised, or a value. */
export function jobError(output: unknown): string | null {
  if (output == null) return null;
  if (typeof output === "string") return output;
  if (typeof output === "object") {
    const o = output as Record<string, unknown>;
    if (typeof o.message === "string") return o.message;
    if (o.value !== undefined) return typeof o.value === "string" ? o.value : JSON.stringify(o.value);
  }
  return JSON.stringify(output);
}

export async function failedJobs(query: { queue?: QueueName; page: number }): Promise<{ total: number; pages: number; rows: FailedJob[] }> {
  if (!(await hasJobTable(db))) return { total: 0, pages: 1, rows: [] };
  const names = query.queue ? [query.queue] : QUEUE_NAMES;
  const [{ count } = { count: 0 }] = await db.$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::integer AS count FROM pgboss.job WHERE state = 'failed' AND name = ANY(${names}::text[])`;
  const rows = await db.$queryRaw<{ id: string; name: string; output: unknown; retry_count: number; retry_limit: number; created_on: Date; completed_on: Date | null; data: unknown }[]>`
    SELECT id::text AS id, name, output, retry_count, retry_limit, created_on, completed_on, data
    FROM pgboss.job WHERE state = 'failed' AND name = ANY(${names}::text[])
    ORDER BY completed_on DESC NULLS LAST, id
    OFFSET ${skipFor(query.page)} LIMIT ${PAGE_SIZE}`;
  return {
    total: count, pages: pageCount(count),
    rows: rows.map((r) => ({
      id: r.id, queue: r.name, error: jobError(r.output), retryCount: r.retry_count, retryLimit: r.retry_limit,
      createdOn: r.created_on, failedOn: r.completed_on, data: JSON.stringify(r.data ?? {}).slice(0, 300),
    })),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function retryJob(actor: AuditActor, queue: QueueName, jobId: string): Promise<void> {
  if (!UUID.test(jobId) || !(await hasJobTable(db))) throw new AppError("error.notFound", 404);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: string; output: unknown; retry_count: number }[]>`
      SELECT state::text AS state, output, retry_count FROM pgboss.job WHERE name = ${queue} AND id = ${jobId}::uuid FOR UPDATE`;
    const job = rows[0];
    if (!job) throw new AppError("error.notFound", 404);
    if (job.state !== "failed") throw new AppError("adm.jobs.error.notFailed", 409);
    await tx.$executeRaw`
      UPDATE pgboss.job SET state = 'retry', retry_limit = retry_limit + 1
      WHERE name = ${queue} AND id = ${jobId}::uuid AND state = 'failed'`;
    await recordAudit(tx, { actor, action: "job.retry", entityId: jobId, data: { queue, error: jobError(job.output), retryCount: job.retry_count } });
  });
}
