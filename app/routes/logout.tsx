import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, invalidateSession, readSessionToken } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) await invalidateSession(token);
  return redirectWithToast("/", { kind: "info", message: "auth.loggedOut" }, { headers: { "Set-Cookie": await clearSessionCookie() } });
}
