import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

export const localeCookie = createCookie("jb_locale", { path: "/", sameSite: "lax", maxAge: 365 * 86_400 });

// Chinese first: English only when the visitor chose it (remembered in a cookie).
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}
