import crypto from "node:crypto";
import { db } from "~/utils/db.server";

// 邮件中的免登录链接（退订、不相关）：带签名，无法猜测或篡改。
// The links in a digest that work without logging in — unsubscribe (one saved search, one
// recommendations subscription, or every digest) and "not relevant" — carry what they act on plus
// an HMAC-SHA256 signature. Nothing is stored per link, so 10,000 digests with 30 items each need no
// 300,000 token rows; changing any character of a token makes it invalid.
//
// The key is made once by whichever process needs it first and kept in the database (SigningKey),
// so every web server and worker signs and checks with the same key without any configuration.

export type LinkToken =
  | { kind: "unsubscribe"; userId: string; scope: "all" }
  | { kind: "unsubscribe"; userId: string; scope: "search" | "recommendations"; targetId: string }
  | { kind: "not-relevant"; userId: string; orgId: string; scenarioId: string };

const KEY_NAME = "mail-links";
const SIGNATURE_LENGTH = 32; // base64url characters: 192 bits
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SCOPE_CODE = { all: "a", search: "s", recommendations: "r" } as const;

function fields(token: LinkToken): string[] {
  if (token.kind === "not-relevant") return ["n", token.userId, token.orgId, token.scenarioId];
  return token.scope === "all" ? ["u", token.userId, SCOPE_CODE.all] : ["u", token.userId, SCOPE_CODE[token.scope], token.targetId];
}

function parseFields(parts: string[]): LinkToken | null {
  if (!parts.every((p) => ID.test(p))) return null;
  const [kind, userId, a, b] = parts;
  if (kind === "n" && parts.length === 4) return { kind: "not-relevant", userId: userId!, orgId: a!, scenarioId: b! };
  if (kind === "u" && parts.length === 3 && a === "a") return { kind: "unsubscribe", userId: userId!, scope: "all" };
  if (kind === "u" && parts.length === 4 && (a === "s" || a === "r")) {
    return { kind: "unsubscribe", userId: userId!, scope: a === "s" ? "search" : "recommendations", targetId: b! };
  }
  return null;
}

export type LinkSigner = { sign(token: LinkToken): string; verify(value: string): LinkToken | null };

export function signerFor(secret: Buffer): LinkSigner {
  const mac = (payload: string) => crypto.createHmac("sha256", secret).update(payload).digest("base64url").slice(0, SIGNATURE_LENGTH);
  return {
    sign(token) {
      const parts = fields(token);
      if (!parts.every((p) => ID.test(p))) throw new Error("link token fields must be ids");
      const payload = parts.join(".");
      return `${payload}.${mac(payload)}`;
    },
    verify(value) {
      if (value.length > 300) return null;
      const parts = value.split(".");
      const signature = parts.pop() ?? "";
      const payload = parts.join(".");
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
      return parseFields(parts);
    },
  };
}

const cache = globalThis as unknown as { __jiebangLinkSigner?: Promise<LinkSigner> };

async function loadSecret(): Promise<Buffer> {
  // ON CONFLICT DO NOTHING: two processes making the key at once both end up reading the same one.
  await db.signingKey.createMany({ data: [{ name: KEY_NAME, secret: crypto.randomBytes(32).toString("base64url") }], skipDuplicates: true });
  const row = await db.signingKey.findUniqueOrThrow({ where: { name: KEY_NAME }, select: { secret: true } });
  return Buffer.from(row.secret, "base64url");
}

/** The process's signer (the key is read once). */
export function linkSigner(): Promise<LinkSigner> {
  cache.__jiebangLinkSigner ??= loadSecret().then(signerFor);
  cache.__jiebangLinkSigner.catch(() => {
    cache.__jiebangLinkSigner = undefined;
  });
  return cache.__jiebangLinkSigner;
}
