// The database side of the offline schema engine: @prisma/adapter-pg, adjusted where the wasm
// engine's needs differ from Prisma Client's, plus the shadow database the engine asks for.
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";

// Load pg and the binder through adapter-pg, so we patch and wrap the very copies it uses.
const fromAdapter = createRequire(createRequire(import.meta.url).resolve("@prisma/adapter-pg"));
export const pg = fromAdapter("pg");
const { bindMigrationAwareSqlAdapterFactory } = fromAdapter("@prisma/driver-adapter-utils");

// Postgres' one-byte `"char"` type (oid 18) fills the catalogs the engine introspects
// (pg_constraint.contype, pg_class.relkind, …). adapter-pg has no column type for it and fails the
// whole query with UnsupportedNativeDataType. Its text form is a one-letter string, so we relabel
// the column as text before pg picks a parser; the engine reads it as a string either way.
const CHAR_OID = 18;
const TEXT_OID = 25;
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFieldsCharAsText(fields) {
  for (const field of fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return addFields.call(this, fields);
};

export const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** pg config for a Prisma-style URL; `?schema=` is Prisma's, so it becomes the search_path. */
export function parseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const database = decodeURIComponent(parsed.pathname.slice(1)) || "postgres";
  const config = { connectionString: parsed.toString() };
  if (schema) config.options = `-c search_path=${quoteIdent(schema)}`;
  return { config, schema, database, host: parsed.hostname, port: parsed.port || "5432", user: decodeURIComponent(parsed.username) };
}

/** Same server and credentials, another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Runs fn with a plain client; falls back to the `postgres` database if the target is missing. */
export async function withClient(url, fn) {
  let client = new pg.Client(parseUrl(url).config);
  try {
    await client.connect();
  } catch (error) {
    if (error.code !== "3D000") throw error;
    client = new pg.Client(parseUrl(withDatabase(url, "postgres")).config);
    await client.connect();
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// adapter-pg's executeScript splits the script on ";" and runs the pieces one by one, which cuts
// plpgsql bodies ($$ … ; … $$) in half. A migration goes to Postgres whole instead: a query
// without parameters uses the simple protocol, which accepts many statements at once.
function sendScriptsWhole(adapter) {
  adapter.executeScript = async function executeWholeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error); // converts to the DriverAdapterError the engine understands
    }
  };
  return adapter;
}

async function connect(url) {
  const { config, schema } = parseUrl(url);
  return sendScriptsWhole(await new PrismaPg(config, schema ? { schema } : undefined).connect());
}

// Temporary shadow databases not yet dropped, so an interrupted run can still remove them.
const liveShadows = new Map(); // name -> admin url

async function dropShadow(name) {
  const url = liveShadows.get(name);
  if (!url) return;
  liveShadows.delete(name);
  // FORCE (Postgres 13+) ends sessions the engine may have left open on it.
  await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export async function dropLeftoverShadows() {
  await Promise.allSettled([...liveShadows.keys()].map(dropShadow));
}

// With an explicit shadowDatabaseUrl (for hosts where we may not CREATE DATABASE) the database is
// reused, so empty it first, as the native engine does.
const EMPTY_DATABASE = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`;

/**
 * The driver adapter factory handed to the wasm engine. The engine calls connect() for the main
 * database and connectToShadowDb() whenever it must replay the migrations (migrate dev, diff
 * --from-migrations). adapter-pg's own connectToShadowDb drops the database before closing its
 * pool (which Postgres refuses) and never closes the admin pool, so we manage the shadow here.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const probe = new PrismaPg({ connectionString: url });
  const factory = {
    provider: probe.provider,
    adapterName: probe.adapterName,
    connect: () => connect(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        await withClient(shadowDatabaseUrl, (c) => c.query(EMPTY_DATABASE));
        return connect(shadowDatabaseUrl);
      }
      const { database } = parseUrl(url);
      const name = `${database.slice(0, 40)}_shadow_${crypto.randomBytes(6).toString("hex")}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      liveShadows.set(name, url);
      const adapter = await connect(withDatabase(url, name));
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await dropShadow(name);
      };
      return adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
