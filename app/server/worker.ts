import { retryJobsOfDeadWorkers, startBoss, stopBoss } from "~/utils/jobs.server";
import { db } from "~/utils/db.server";
import { registerMailWorker } from "~/modules/notifications/mail-sender.server";
import { registerMailBatchWorker } from "~/modules/notifications/mail-batch-sender.server";
import { registerEventWorker } from "~/modules/notifications/fan-out.server";
import { registerDeadlines } from "~/modules/deadlines/deadline-registry.server";
import { meili } from "../../search/client.server";
import { ensureSettings, registerSearchSyncWorker } from "../../search/sync.server";
import { indexShape, STALE_INDEX_MESSAGE } from "../../search/index-shape.server";
import { announceReady, once, stopWhenLauncherGoes } from "./follow-launcher";

// The job worker: event fan-out (notifications and mail), mail delivery (single and batched) and search index sync;
// deadlines and digests register here as they land.
const boss = await startBoss("worker");
// The launcher runs exactly one worker on its embedded database and says so: jobs still active
// there were its predecessor's (killed mid-job), retried now instead of when they expire.
if (process.env.JIEBANG_SOLE_WORKER === "1") {
  const handedBack = await retryJobsOfDeadWorkers(boss);
  if (handedBack > 0) console.log(`[worker] ${handedBack} job(s) left active by a stopped worker: retrying them`);
}
await registerEventWorker(boss);
await registerMailWorker(boss);
await registerMailBatchWorker(boss);
await registerSearchSyncWorker(boss, db);
// Every deadline (proposal deadline, the daily and weekly digests, and later evaluation, notice and milestone dates): jobs per record plus sweeps.
await registerDeadlines(boss);
// Settings are applied before the first sync anyway; doing it now makes a fresh index searchable
// early. Not awaited: a Meilisearch that is down must not stop mail delivery.
void Promise.resolve()
  .then(() => ensureSettings(meili()))
  .catch((error: unknown) => console.warn("[worker] search settings not applied yet:", error instanceof Error ? error.message : error));
// In production nothing rebuilds an index an older release built (`npm start` does): say what to run.
void indexShape(meili()).then(
  (shape) => shape === "stale" && console.warn(`[worker] ${STALE_INDEX_MESSAGE}: run \`npm run search:reindex\` (README, production step 3)`),
  () => undefined,
);
announceReady({ type: "worker-ready" }, "[worker] started");

const shutdown = once(async () => {
  await stopBoss().catch((error: unknown) => console.error("[worker]", error));
  process.exit(0);
});
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
stopWhenLauncherGoes("worker", shutdown);
