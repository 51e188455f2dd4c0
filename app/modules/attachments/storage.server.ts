import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { env } from "~/utils/env.server";

/**
 * Where attachment bytes live. The database row holds the metadata and the key; the bytes go
 * through this interface so production can swap local disk for an object store (S3/OSS) without
 * touching the services or routes (DESIGN §3).
 */
export interface Storage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** A stream of the bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

// Keys are 128 random bits: never derived from the filename, the org or the row id, so a key seen
// once (e.g. in a log) says nothing about other files, and no name can escape the directory.
const KEY_PATTERN = /^[a-f0-9]{32}$/;

export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

function assertKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error("invalid storage key");
}

export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  // Two-character fan-out keeps directories small once there are many thousands of files.
  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    // Created lazily: a fresh checkout has no attachments folder until the first upload. Sealed
    // proposal files: only the service's user may list (0700) or read (0600) them.
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Written to a temporary name and renamed, so a crash never leaves a half file under the key.
    const temporary = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
    await fs.rename(temporary, target);
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathOf(key);
    try {
      await fs.access(file);
    } catch {
      return null;
    }
    return createReadableStreamFromReadable(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

let current: Storage | undefined;

/** The storage in use: local disk under DATA_DIR unless a deployment (or a test) installs another. */
export function storage(): Storage {
  current ??= new LocalDiskStorage(path.resolve(env().DATA_DIR, "attachments"));
  return current;
}

export function setStorage(next: Storage | undefined): void {
  current = next;
}
