import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { db } from "~/utils/db.server";

/**
 * A fresh web process's first page took 1.7 s, against 25 ms for the next: Prisma's query compiler
 * and first connection, Remix and React's first render, and the source maps Node reads at the first
 * error stack. A process that waits for leave to listen (listen-permission.ts) does that first while
 * it waits, with a query that needs no table (the database may not be migrated yet) and a render of
 * a page that reads nothing (a path no route has). Its first page then takes about 0.5 s. Failures
 * are left to the real requests to report.
 */
export async function warmUp(build: ServerBuild, mode: string | undefined): Promise<void> {
  const render = createRequestHandler(build, mode);
  await Promise.allSettled([
    db.$queryRaw`SELECT 1`,
    render(new Request("http://localhost/__warm-up")).then((response) => response.arrayBuffer()),
  ]);
}
