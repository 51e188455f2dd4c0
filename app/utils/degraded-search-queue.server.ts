import os from "node:os";
import { webProcessCount } from "~/server/web-cluster";
import { fifoLimit } from "./fifo-limit.server";

// When Meilisearch is down every search page lands on the database at once, and a degraded search
// is its costliest statement (ADR 013). As many at once as the machine has cores, shared among the
// web processes (`npm start` runs one per core: one each), keep the database busy without crowding
// it; the rest queue in order, so the slowest page waits its turn instead of sharing the database
// with twenty others. Two processes on two cores, 20 connections: p95 0.8–0.9 s with one each,
// 1.3–1.7 s with two each or no limit (same run).
export const degradedSearchQueue = fifoLimit(Math.max(1, Math.round(os.availableParallelism() / webProcessCount())));
