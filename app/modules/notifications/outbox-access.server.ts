import { env, type Env } from "~/utils/env.server";
import { getCurrentUser, hasRole, loginRedirect } from "~/utils/permissions.server";

// The outbox holds live verification, reset and invitation links: whoever reads it can take over
// any account. It exists only on a local, non-https run that opted in (the launcher opts in for
// the embedded demo, never when the operator's NODE_ENV is production), and then only for a
// signed-in admin, or for anyone in explicit development mode (`npm run dev`).
export function outboxEnabled(e: Pick<Env, "NODE_ENV" | "APP_URL" | "ENABLE_DEV_OUTBOX"> = env()): boolean {
  if (e.APP_URL?.startsWith("https:")) return false;
  return e.NODE_ENV === "development" || e.ENABLE_DEV_OUTBOX === "true";
}

export async function requireOutboxAccess(request: Request): Promise<void> {
  if (!outboxEnabled()) throw new Response("error.notFound", { status: 404 });
  if (env().NODE_ENV === "development") return;
  const user = await getCurrentUser(request);
  if (!user) loginRedirect(request);
  if (!hasRole(user, "admin")) throw new Response("error.notFound", { status: 404 });
}
