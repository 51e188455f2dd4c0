import os from "node:os";
import { sharedFifoLimit } from "./shared-fifo-limit.server";

// When Meilisearch is down every search page lands on the database at once, and a degraded search
// is its costliest statement (ADR 013). As many at once as the machine has cores, counted across all
// the web processes (`npm start` runs one per core) in one line kept by the cluster's primary, keep
// the database busy without crowding it; the rest wait in arrival order, so the slowest page waits its
// turn instead of sharing the database with twenty others, whichever process its connection reached.
export const degradedSearchQueue = sharedFifoLimit("degraded-search", Math.max(1, os.availableParallelism()));
