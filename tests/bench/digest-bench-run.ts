import { startBoss, stopBoss } from "../../app/utils/jobs.server";
import { db } from "../../app/utils/db.server";
import { periodFromKey } from "../../app/modules/digests/digest-periods";
import { runDigestPeriod } from "../../app/modules/digests/digest-run.server";
import { registerMailBatchWorker } from "../../app/modules/notifications/mail-batch-sender.server";

// The measured part of `npm run bench:digest`, in a fresh process (as a worker would be), so its peak
// memory is the digest run's and not the data generation's or the reindex's: the daily digest run
// and, beside it, the batch worker sending to the fake Resend, until the last mail is sent.
const period = periodFromKey(process.argv[2] ?? "");
const now = new Date(process.argv[3] ?? Date.now());
if (!period) throw new Error("usage: digest-bench-run.ts <period key> <now ISO>");

const boss = await startBoss("worker");
let sampled = process.memoryUsage().rss;
let heap = process.memoryUsage().heapUsed;
const probe = setInterval(() => {
  const m = process.memoryUsage();
  sampled = Math.max(sampled, m.rss);
  heap = Math.max(heap, m.heapUsed);
}, 100);
const started = performance.now();
await registerMailBatchWorker(boss);
const summary = await runDigestPeriod(period, { now, ...(process.env.BENCH_PAGE ? { pageSize: Number(process.env.BENCH_PAGE) } : {}) });
const buildMs = performance.now() - started;
while ((await db.mail.count({ where: { template: "digest", status: "queued" } })) > 0) await new Promise((r) => setTimeout(r, 100));
const totalMs = performance.now() - started;
clearInterval(probe);
const peakRss = Math.max(sampled, process.resourceUsage().maxRSS * 1024);
await stopBoss();
await db.$disconnect();
process.send?.({ type: "done", summary, buildMs, totalMs, peakRss, peakHeap: heap });
