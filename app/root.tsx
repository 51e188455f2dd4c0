import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import tokens from "~/styles/tokens.css";
import stylesheet from "~/styles/app.css";
import { SiteHeader } from "~/components/site-header";
import { SiteFooter } from "~/components/site-footer";
import { AppLinkProvider } from "~/components/app-link";
import { ToastBanner } from "~/components/toast-banner";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DEFAULT_LOCALE, LocaleContext, translator, type Locale } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { getCurrentUser, homeFor } from "~/utils/permissions.server";
import { readToast } from "~/utils/toast.server";
import { countUnread } from "~/modules/notifications/unread.server";
import { serializeSessionCookie, readSessionToken } from "~/utils/session.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokens },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Feed readers find the new-scenario feed from any page.
  { rel: "alternate", type: "application/atom+xml", href: "/feeds/scenarios.atom", title: "揭榜 Jiebang" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? DEFAULT_LOCALE);
  return [{ title: `${t("app.name")} · ${t("app.tagline")}` }, { name: "description", content: t("app.description") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, { toast, clearCookie }] = await Promise.all([getLocale(request), getCurrentUser(request), readToast(request)]);
  const headers = new Headers();
  if (clearCookie) headers.append("Set-Cookie", clearCookie);
  // Sliding expiry: when the server extended the session, extend the cookie too.
  if (user?.session.renewed) {
    const token = await readSessionToken(request);
    if (token) headers.append("Set-Cookie", await serializeSessionCookie(token, user.session.expiresAt));
  }
  const viewer = user
    ? { id: user.id, name: user.name, email: user.email, home: homeFor(user), roles: [...new Set(user.memberships.map((m) => m.role))], unreadCount: await countUnread(user.id) }
    : null;
  return data({ locale, viewer, toast }, { headers });
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale: Locale = root?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleContext.Provider value={locale}>
          <AppLinkProvider>
            <a className="skip-link" href="#main">{translator(locale)("nav.skip")}</a>
            <SiteHeader viewer={root?.viewer ?? null} />
            {root?.toast ? <ToastBanner toast={root.toast} /> : null}
            <main id="main" className="container">{children}</main>
            <SiteFooter />
          </AppLinkProvider>
        </LocaleContext.Provider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
