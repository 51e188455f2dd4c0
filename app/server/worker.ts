import { startBoss, stopBoss } from "~/utils/jobs.server";
import { registerMailWorker } from "~/modules/notifications/mail-sender.server";

// The job worker: mail delivery now; index sync, deadlines and digests register here as they land.
const boss = await startBoss("worker");
await registerMailWorker(boss);
process.send?.({ type: "worker-ready" });
if (!process.send) console.log("[worker] started");

async function shutdown() {
  await stopBoss().catch((error: unknown) => console.error("[worker]", error));
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
