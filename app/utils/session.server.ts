import { createCookie } from "@remix-run/node";
import { db } from "./db.server";
import { env } from "./env.server";
import { hashToken, randomToken } from "./crypto.server";

// Sessions as taught by the Lucia guide: the cookie holds a random token, the DB only its SHA-256.
const DAY = 86_400_000;
export const SESSION_TTL_MS = 30 * DAY;
const RENEW_BEFORE_MS = 15 * DAY;

export const sessionCookie = createCookie("jb_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: SESSION_TTL_MS / 1000,
});

function secure(): boolean {
  const e = env();
  if (e.SESSION_SECURE_COOKIE) return e.SESSION_SECURE_COOKIE === "true";
  return e.NODE_ENV === "production" && (e.APP_URL ?? "").startsWith("https://");
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/**
 * A new session for the user, and the end of the one the request came with (if any): call it at
 * login and whenever the signed-in user's privileges change in this request (accepting an
 * invitation), so a token seen before the change — planted, logged or shared — is worthless after
 * it. Returns the Set-Cookie value. Changes made by someone else (an admin) need no rotation:
 * memberships are read from the database on every request, so they apply at once.
 */
export async function rotateSession(request: Request, userId: string): Promise<string> {
  const previous = await readSessionToken(request);
  if (previous) await invalidateSession(previous);
  const { token, expiresAt } = await createSession(userId);
  return serializeSessionCookie(token, expiresAt);
}

export function serializeSessionCookie(token: string, expiresAt: Date): Promise<string> {
  return sessionCookie.serialize(token, { expires: expiresAt, secure: secure() });
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0, secure: secure() });
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export type ValidatedSession = { id: string; userId: string; expiresAt: Date; renewed: boolean };

export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, select: { id: true, userId: true, expiresAt: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  // Sliding expiry: a session used in its second half is extended to a full term.
  if (session.expiresAt.getTime() - now < RENEW_BEFORE_MS) {
    const expiresAt = new Date(now + SESSION_TTL_MS);
    await db.session.update({ where: { id }, data: { expiresAt } });
    return { ...session, expiresAt, renewed: true };
  }
  return { ...session, renewed: false };
}

/** Whether a Cookie header carries a session that is still valid; read only (no renewal, no clean-up). */
export async function hasLiveSession(cookieHeader: string | null): Promise<boolean> {
  const token = await sessionCookie.parse(cookieHeader);
  if (typeof token !== "string" || token.length === 0) return false;
  const session = await db.session.findUnique({ where: { id: hashToken(token) }, select: { expiresAt: true } });
  return !!session && session.expiresAt.getTime() > Date.now();
}

export async function invalidateSession(token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function invalidateUserSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
