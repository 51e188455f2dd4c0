import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";
import { startWebServer } from "../setup/web-server";

// RFC 8058: the one-click POST comes from the recipient's mail provider, from its own origin and
// without a cookie. Over HTTP, through the whole edge (cross-site guard, Remix's own origin check),
// it unsubscribes at once; the same foreign origin is still refused everywhere else.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let web: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  web = await startWebServer();
});
afterAll(async () => {
  await web?.close();
  await cleanup?.();
});

it("a one-click unsubscribe from the mail provider's origin works; other posts from it are refused", async () => {
  const reader = await createUser(db, "vendor");
  const { linkSigner } = await import("../../app/modules/digests/link-tokens.server");
  const token = (await linkSigner()).sign({ kind: "unsubscribe", userId: reader.id, scope: "all" });
  const foreign = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.provider.example" };

  const oneClick = await fetch(`${web.url}/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: foreign, redirect: "manual" });
  expect(oneClick.status).toBe(200);
  expect(await db.digestUnsubscribe.count({ where: { userId: reader.id, scope: "all", undoneAt: null } })).toBe(1);

  // A forged or foreign token through the same door is a clean 404, never a 500.
  const altered = `${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`;
  const forged = await fetch(`${web.url}/unsubscribe/${altered}.data`, { method: "POST", body: "", headers: foreign, redirect: "manual" });
  expect(forged.status).toBe(404);

  const elsewhere = await fetch(`${web.url}/locale`, { method: "POST", body: "locale=en", headers: foreign, redirect: "manual" });
  expect(elsewhere.status).toBe(403);
});
