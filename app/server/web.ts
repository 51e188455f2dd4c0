import cluster from "node:cluster";
import { runCluster, webProcessCount } from "./web-cluster";

// The web entry (`npm start` supervises it; production runs it directly): one process per core
// on the same port (WEB_CONCURRENCY to choose), or the server itself when one is enough.
const count = webProcessCount();
if (cluster.isPrimary && count > 1) runCluster({ count, name: "web", port: Number(process.env.PORT ?? 3000) });
else await import("./web-serve");
