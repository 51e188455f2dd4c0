import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage, newStorageKey } from "../../app/modules/attachments/storage.server";
import { persistentSecret, prepareDataDir, writePrivateFile } from "../../app/server/data-dir";

// The data folder holds the database password, the search key and sealed proposal files: only the
// service's own user may enter its folders (0700) or read its files (0600), whatever the umask.
const mode = (file: string) => fs.statSync(file).mode & 0o777;

let root: string;
let umask: number;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-private-files-"));
  umask = process.umask(0o022); // the usual default, which makes files world-readable
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("attachment storage on local disk", () => {
  it("writes each file 0600 in folders 0700", async () => {
    const storageRoot = path.join(root, "attachments");
    const key = newStorageKey();
    await new LocalDiskStorage(storageRoot).put(key, new TextEncoder().encode("sealed proposal bytes"));
    const file = path.join(storageRoot, key.slice(0, 2), key);
    expect(mode(file).toString(8)).toBe("600");
    expect(mode(path.dirname(file)).toString(8)).toBe("700");
    expect(mode(storageRoot).toString(8)).toBe("700");
  });
});

describe("the data folder", () => {
  it("is created 0700, and an existing one is tightened to 0700", () => {
    const fresh = path.join(root, "fresh", ".data");
    prepareDataDir(fresh);
    expect(mode(fresh).toString(8)).toBe("700");
    const old = path.join(root, "old");
    fs.mkdirSync(old, { mode: 0o755 });
    prepareDataDir(old);
    expect(mode(old).toString(8)).toBe("700");
  });

  it("keeps files 0600, also one that existed with a wider mode", () => {
    const file = path.join(root, "runtime.json");
    fs.writeFileSync(file, "{}", { mode: 0o644 });
    writePrivateFile(file, '{"databaseUrl":"postgresql://…"}');
    expect(mode(file).toString(8)).toBe("600");
    expect(fs.readFileSync(file, "utf8")).toContain("databaseUrl");
  });

  it("keeps a secret stable across calls, private, and different per file", () => {
    const first = persistentSecret(path.join(root, "a.password"));
    expect(persistentSecret(path.join(root, "a.password"))).toBe(first);
    expect(persistentSecret(path.join(root, "b.password"))).not.toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(mode(path.join(root, "a.password")).toString(8)).toBe("600");
  });
});
