import type PgBoss from "pg-boss";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";

// 截止即关闭：每个已发布场景按截止时间排一个任务（startAfter = 截止时间），另有每分钟一次的
// 巡检关闭所有已过截止的场景（双保险：任务丢失、截止时间被变更、进程停机都不会漏关）。
// 关闭本身不是截止的保障——提交命令按服务器时间拒绝迟到者；关闭是为了解封并进入评审。
// Each scenario closes at its deadline: one job per scenario (startAfter = deadline) plus a sweep
// every minute (belt and braces: a lost job, an amended deadline or a stopped worker cannot leave a
// scenario open). Closing does not enforce the deadline — submit refuses late arrivals by server time;
// closing unseals the proposals and moves them to review. Handlers are idempotent.

export type DeadlineJob = { kind: "close"; scenarioId: string } | { kind: "sweep" };

const SWEEP_CRON = "* * * * *";
const SWEEP_BATCH = 100;
// 巡检顺带为下一分钟内到期的场景排定精确到秒的任务。 The sweep also schedules exact jobs for the next minute.
const LOOKAHEAD_MS = 120_000;

/** 排定某场景在截止时刻关闭（发布/变更截止时间时调用）。 Schedules the close at the deadline. */
export async function scheduleScenarioClose(tx: Tx | null, scenario: { id: string; deadline: Date }) {
  return enqueue(tx, QUEUES.scenarioDeadline, { kind: "close", scenarioId: scenario.id } satisfies DeadlineJob, {
    startAfter: scenario.deadline,
    singletonKey: `scenario-close:${scenario.id}:${scenario.deadline.getTime()}`,
    singletonSeconds: 60,
  });
}

/**
 * published → closed（截止已过才关），提交状态的申报转入评审；审计、搜索同步同一事务。
 * Closes one scenario if it is published and its deadline passed; returns false otherwise.
 */
export async function closeScenario(scenarioId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.scenario.updateMany({
      where: { id: scenarioId, status: "published", deadline: { lte: now } },
      data: { status: "closed", closedAt: now, version: { increment: 1 } },
    });
    if (count === 0) return false;
    const scenario = await tx.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { departmentId: true, deadline: true } });
    const proposals = await tx.proposal.findMany({ where: { scenarioId, status: "submitted" }, select: { id: true, orgId: true } });
    await tx.proposal.updateMany({ where: { scenarioId, status: "submitted" }, data: { status: "under_review", version: { increment: 1 } } });
    await recordAudit(tx, {
      actor: null, action: "scenario.close", entityId: scenarioId, orgId: scenario.departmentId,
      data: { deadline: scenario.deadline.toISOString(), proposals: proposals.length },
    });
    for (const p of proposals) {
      await recordAudit(tx, { actor: null, action: "proposal.underReview", entityId: p.id, orgId: p.orgId, data: { scenarioId } });
    }
    await enqueue(tx, QUEUES.searchSync, { kind: "scenario", id: scenarioId });
    return true;
  });
}

/** 巡检：关闭所有已过截止的已发布场景。 Closes every published scenario whose deadline passed. */
export async function closeDueScenarios(now = new Date()): Promise<string[]> {
  const due = await db.scenario.findMany({
    where: { status: "published", deadline: { lte: now } },
    select: { id: true }, orderBy: { deadline: "asc" }, take: SWEEP_BATCH,
  });
  const closed: string[] = [];
  for (const { id } of due) if (await closeScenario(id, now)) closed.push(id);
  return closed;
}

async function scheduleUpcoming(now: Date) {
  const upcoming = await db.scenario.findMany({
    where: { status: "published", deadline: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) } },
    select: { id: true, deadline: true },
  });
  for (const s of upcoming) await scheduleScenarioClose(null, s);
}

export async function handleDeadlineJob(data: DeadlineJob, now = new Date()) {
  if (data.kind === "close") return closeScenario(data.scenarioId, now);
  await closeDueScenarios(now);
  await scheduleUpcoming(now);
  return true;
}

export async function registerScenarioDeadlineWorker(boss: PgBoss): Promise<string> {
  await boss.schedule(QUEUES.scenarioDeadline, SWEEP_CRON, { kind: "sweep" } satisfies DeadlineJob, { tz: "Asia/Shanghai" });
  return boss.work<DeadlineJob>(QUEUES.scenarioDeadline, async (jobs) => {
    for (const job of jobs) await handleDeadlineJob(job.data);
  });
}
