import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";

// Meilisearch's indexes hold what profiles and scenarios say: its folder is the service user's only.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-meili-files-"));
let meili: RunningMeilisearch | undefined;

afterAll(async () => {
  await meili?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("embedded Meilisearch's files", () => {
  it("keeps its folder 0700 (also one made earlier with 0755) and its pid file 0600", async () => {
    const dataDir = path.join(root, "meilisearch");
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    meili = await startEmbeddedMeilisearch({ dataDir, masterKey: crypto.randomBytes(24).toString("base64url") });
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe("700");
    expect((fs.statSync(`${dataDir}.pid`).mode & 0o777).toString(8)).toBe("600");
  });
});
