// `schema-engine --datasource <json> cli <command>`: one-shot commands the Prisma CLI runs before
// migrate dev/deploy/status to check that the database exists and to create it. The wasm engine
// has no such entry points, so they are answered with pg directly.
import { parseUrl, pg, quoteIdent, withClient, withDatabase } from "./adapter.mjs";

// The CLI skips the first stderr line and JSON-parses every other one, looking for an ERROR from
// target "schema_engine::logger" with fields.error_code / fields.message (as the native engine logs).
function logLine(level, fields) {
  const target = level === "ERROR" ? "schema_engine::logger" : "schema_engine";
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
}

function fail(error_code, message) {
  const fields = error_code ? { message, error_code } : { message };
  process.stderr.write(`${logLine("INFO", { message: "offline schema engine" })}\n${logLine("ERROR", fields)}\n`);
  process.exitCode = 1;
}

/** Maps a pg connection error to the Prisma error code the CLI reacts to (P1003 = create it). */
export function connectionError(url, error) {
  const { database, host, port, user } = parseUrl(url);
  switch (error.code) {
    case "3D000":
      return ["P1003", `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`];
    case "28P01":
    case "28000":
      return ["P1000", `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.`];
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return ["P1001", `Can't reach database server at \`${host}:${port}\``];
    default:
      return [undefined, error.message];
  }
}

async function canConnect(url) {
  const client = new pg.Client(parseUrl(url).config);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(url) {
  const { database } = parseUrl(url);
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  return database;
}

async function dropDatabase(url) {
  const { database } = parseUrl(url);
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}

const commands = {
  "can-connect-to-database": canConnect,
  "create-database": createDatabase,
  "drop-database": dropDatabase,
};

export async function runCliCommand(name, datasource) {
  const command = commands[name];
  if (!command) return fail(undefined, `Unknown command: ${name}`);
  if (!datasource?.url) return fail(undefined, "No datasource URL given (--datasource '{\"url\": …}').");
  try {
    await command(datasource.url);
  } catch (error) {
    fail(...connectionError(datasource.url, error));
  }
}
