import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { getCurrentUser } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/safe-redirect";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("error.badRequest", { status: 400 });
  // Remembered in a cookie for everyone and on the account, so mails use it too.
  const user = await getCurrentUser(request);
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  return redirect(safeRedirect(form.get("redirectTo"), "/"), { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
