import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm start` stopped while a web process starts: the web process says "ready" to a launcher that
// is gone. That must not end in ERR_IPC_CHANNEL_CLOSED and a stack trace.
describe("saying ready to the launcher", () => {
  it("is quiet when the launcher went away first", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/announces-ready-late.ts"], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("message", () => child.disconnect());
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(stderr).not.toContain("ERR_IPC_CHANNEL_CLOSED");
    expect(stdout).toContain("still running after telling");
    expect(code).toBe(0);
  });
});
