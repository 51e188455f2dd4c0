import { z } from "zod";
import { runDigestPeriod } from "~/modules/digests/digest-run.server";
import { DIGEST_CRON, latestPeriod, periodFromKey, type DigestCadence } from "~/modules/digests/digest-periods";
import { QUEUES } from "~/utils/jobs.server";
import { defineDeadline } from "./deadline-definition";

// 订阅摘要：每日 08:30、每周一 08:30（北京时间）。
// The digest times. The cron job is the sweep: it runs the latest period that is due, which is
// windowed — a sweep that comes late (a retry, a worker back after a crash) still builds the period
// it belongs to, and only for subscribers who have no digest of that period yet. A job naming one
// period (`{ period: "daily:2026-05-04" }`) runs exactly that one, if it is due.
const payload = z.object({ period: z.string().min(1).max(40) });

function digestDeadline(cadence: DigestCadence, queue: typeof QUEUES.digestDaily | typeof QUEUES.digestWeekly) {
  const run = async (periodKey: string, now: Date) => {
    const period = periodFromKey(periodKey);
    if (!period || period.cadence !== cadence) return null;
    const summary = await runDigestPeriod(period, { now });
    if (summary.subscribers > 0) console.log(`[digests] ${JSON.stringify(summary)}`);
    return summary;
  };
  return defineDeadline({
    name: `${cadence}-digest`,
    queue,
    payload,
    jobKey: (p) => `digest:${p.period}`,
    handle: async (p, now) => (await run(p.period, now))?.due ?? false,
    sweep: {
      cron: DIGEST_CRON[cadence],
      run: async (now) => (await run(latestPeriod(cadence, now).key, now))?.mails ?? 0,
    },
  });
}

export const dailyDigestDeadline = digestDeadline("daily", QUEUES.digestDaily);
export const weeklyDigestDeadline = digestDeadline("weekly", QUEUES.digestWeekly);
