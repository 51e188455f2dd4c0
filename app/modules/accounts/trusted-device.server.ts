import { createCookie } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashToken, randomToken } from "~/utils/crypto.server";

// A browser that has logged in to an account before carries a random token whose hash is stored
// for that account (OWASP "device cookies"). Wrong guesses by strangers then throttle untrusted
// clients only, and the owner on their own browser is never locked out by them.
const YEAR_S = 365 * 86_400;

const deviceCookie = createCookie("jb_device", { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR_S });

function secure(): boolean {
  return (env().APP_URL ?? "").startsWith("https://");
}

export async function readDeviceToken(request: Request): Promise<string | null> {
  const value = (await deviceCookie.parse(request.headers.get("Cookie")).catch(() => null)) as unknown;
  return typeof value === "string" && /^[a-z0-9]{16,100}$/.test(value) ? value : null;
}

/** The id of the trusted-device row when this token was given to this account, else null. */
export async function trustedDeviceFor(email: string, token: string | null): Promise<string | null> {
  if (!token) return null;
  const row = await db.trustedDevice.findFirst({ where: { id: hashToken(token), user: { email } }, select: { id: true } });
  return row?.id ?? null;
}

/** Marks this browser as the account's (after a password login or a reset by mail link). */
export async function trustDevice(userId: string, existingToken: string | null): Promise<string> {
  if (existingToken) {
    const id = hashToken(existingToken);
    const own = await db.trustedDevice.updateMany({ where: { id, userId }, data: { lastUsedAt: new Date() } });
    if (own.count === 1) return serializeDevice(existingToken);
  }
  const token = randomToken();
  await db.trustedDevice.create({ data: { id: hashToken(token), userId } });
  return serializeDevice(token);
}

function serializeDevice(token: string): Promise<string> {
  return deviceCookie.serialize(token, { secure: secure() });
}
