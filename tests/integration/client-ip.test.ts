import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";

// The per-IP rate limits count by the address clientIp() gives. Over HTTP: by default a forged
// X-Forwarded-For is ignored (every attempt counts against the real address), and with
// TRUST_PROXY=1 the right-most entry — the one our proxy appended — is the client.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
});
afterAll(() => cleanup?.());

async function attemptLogin(url: string, forwardedFor: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: `nobody-${Math.random().toString(36).slice(2)}@test.example.cn`, password: "wrong-password" }),
    headers: { "X-Forwarded-For": forwardedFor, ...extra },
  });
  expect(response.status).toBe(400);
}

const keysWith = async (address: string) => (await db.rateLimit.findMany({ where: { key: { contains: address } }, select: { key: true } })).map((r) => r.key);

it("by default a forged X-Forwarded-For (or X-Real-IP, or our own header) is ignored: the socket address counts", async () => {
  const web = await startWebServer();
  try {
    for (let i = 1; i <= 5; i++) await attemptLogin(web.url, `203.0.113.${i}`, { "X-Real-IP": `198.51.100.${i}`, "X-Jiebang-Client-Address": `192.0.2.${i}` });
  } finally {
    await web.close();
  }
  for (const forged of ["203.0.113.", "198.51.100.", "192.0.2."]) expect(await keysWith(forged)).toEqual([]);
  const real = await db.rateLimit.findMany({ where: { key: { contains: "127.0.0.1" } }, select: { count: true } });
  expect(real.length).toBeGreaterThan(0);
  expect(Math.max(...real.map((r) => r.count))).toBeGreaterThanOrEqual(5);
});

it("with TRUST_PROXY=1 the right-most entry is the client and entries before it are ignored", async () => {
  const web = await startWebServer({ trustProxy: 1 });
  try {
    await attemptLogin(web.url, "198.51.100.77, 203.0.113.200");
  } finally {
    await web.close();
  }
  expect((await keysWith("203.0.113.200")).length).toBeGreaterThan(0);
  expect(await keysWith("198.51.100.77")).toEqual([]);
});

it("by default X-Forwarded-Host is ignored too: it cannot make a cross-site post look same-site", async () => {
  const web = await startWebServer();
  try {
    const response = await fetch(`${web.url}/locale`, {
      method: "POST",
      body: new URLSearchParams({ locale: "en" }),
      headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  } finally {
    await web.close();
  }
});
