import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __jiebangDb?: PrismaClient };

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

// One client per process; kept on globalThis so dev rebuilds do not open new pools.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForDb.__jiebangDb ??= createDb(env().DATABASE_URL);
    const value = Reflect.get(globalForDb.__jiebangDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.__jiebangDb) : value;
  },
});
