import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __jiebangDb?: PrismaClient };

// The database each client was made for: the search rebuild scans listings over a plain driver
// connection to the same database (search/sources.server.ts).
const URLS = new WeakMap<object, string>();

export function createDb(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  URLS.set(client, url);
  return client;
}

// One client per process; kept on globalThis so dev rebuilds do not open new pools.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForDb.__jiebangDb ??= createDb(env().DATABASE_URL);
    const value = Reflect.get(globalForDb.__jiebangDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.__jiebangDb) : value;
  },
});

/** The connection string of a client made by createDb, or of this process's own client. */
export function databaseUrlOf(client: object): string {
  const url = client === db ? env().DATABASE_URL : URLS.get(client);
  if (!url) throw new Error("databaseUrlOf: a client made by createDb() or the process's db is needed");
  return url;
}
