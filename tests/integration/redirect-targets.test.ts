import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";
import { createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// The routes that redirect to a target named in the request, over HTTP: the Location a browser
// receives always stays on the site, and hostile targets never cause a server error.
let cleanup: () => Promise<void>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let db: typeof import("../../app/utils/db.server")["db"];

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
});

const HOSTILE = ["/\t/evil.example", "/\n/evil.example", "/ /evil.example", "/%2F/evil.example", "/%5Cevil", "//evil.example", "/\\evil.example", "/x\r\nSet-Cookie: a=b"];

function staysOnSite(location: string | null) {
  expect(location).not.toBeNull();
  // As the browser resolves it: tabs and newlines dropped, then parsed against the current page.
  const resolved = new URL(location!.replace(/[\t\n\r]/g, ""), web.url);
  expect(resolved.origin).toBe(web.url);
}

async function post(path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(`${web.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
    redirect: "manual",
  });
}

it("the language switch (redirectTo) goes back only to this site", async () => {
  for (const target of HOSTILE) {
    const response = await post("/locale", { locale: "en", redirectTo: target });
    expect(response.status, target).toBe(302);
    staysOnSite(response.headers.get("location"));
  }
});

it("opening a notification (next) goes only to this site", async () => {
  const user = await createUser(db, "vendor");
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, user.id))}`;
  const notification = await db.notification.create({ data: { userId: user.id, kind: "test", title: "t", link: "/", dedupeKey: `test:${user.id}` }, select: { id: true } });
  for (const target of HOSTILE) {
    const response = await post("/notifications", { intent: "read", id: notification.id, next: target }, cookie);
    expect(response.status, target).toBe(302);
    staysOnSite(response.headers.get("location"));
  }
});

it("logging in (redirectTo) lands only on this site", async () => {
  const { hashPassword } = await import("../../app/modules/accounts/passwords.server");
  const user = await createUser(db, "vendor", { passwordHash: await hashPassword("Correct-horse-42") });
  for (const target of HOSTILE.slice(0, 3)) {
    const response = await post("/login", { email: user.email, password: "Correct-horse-42", redirectTo: target });
    expect(response.status, target).toBe(302);
    staysOnSite(response.headers.get("location"));
  }
});
