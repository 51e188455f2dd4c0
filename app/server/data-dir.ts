import crypto from "node:crypto";
import fs from "node:fs";
import { isPermissionError, SetupError } from "./setup-error";

// The data folder holds the database password, Meilisearch's master key and every uploaded
// proposal file: only the service's own user may enter it (0700) or read what is in it (0600).

export function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A folder made by an earlier version (or by hand) is tightened too.
    fs.chmodSync(dir, 0o700);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    throw new SetupError(`cannot write the data folder ${dir}: run from a checkout you own, or choose another folder (DATA_DIR=~/jiebang-data npm start)`);
  }
}

/** Writes a file only its owner can read, also when it existed before with a wider mode. */
export function writePrivateFile(file: string, content: string): void {
  // Written beside and renamed, so a reader never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

/** A random secret kept in a private file: created on first use, the same on every later start. */
export function persistentSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing) {
      fs.chmodSync(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = crypto.randomBytes(24).toString("base64url");
  writePrivateFile(file, `${secret}\n`);
  return secret;
}
