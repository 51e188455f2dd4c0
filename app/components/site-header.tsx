import { Form, useLocation } from "@remix-run/react";
import { AppLink } from "./app-link";
import { useT } from "~/utils/i18n";
import { LocaleSwitch } from "./locale-switch";

type Viewer = { id: string; name: string; home: string; roles: string[]; unreadCount?: number } | null;

// As <NavLink>: active on the section's own page and every page under it; `end` for the exact page only.
function NavItem({ to, end = false, children }: { to: string; end?: boolean; children: React.ReactNode }) {
  const { pathname } = useLocation();
  const active = pathname === to || (!end && pathname.startsWith(`${to}/`));
  return <AppLink to={to} className={active ? "active" : undefined} aria-current={active ? "page" : undefined}>{children}</AppLink>;
}

// One row at every width: on a phone the navigation and the account links fold into a <details>
// menu, which opens without JavaScript; on a desktop the stylesheet shows its content inline and
// hides the summary, so nothing moves when the scripts load.
export function SiteHeader({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const location = useLocation();
  return (
    <header className="site-header">
      <div className="container header-row">
        <AppLink to="/" className="brand" aria-label={t("app.name")}>
          <span className="brand-mark" aria-hidden="true">榜</span>
          <span className="brand-name">{t("app.name")}</span>
        </AppLink>
        <div className="header-locale"><LocaleSwitch /></div>
        {/* The key closes the menu after a navigation (React keeps a <details>' open state otherwise). */}
        <details className="site-menu" key={location.pathname}>
          <summary>{t("nav.menuButton")}</summary>
          <div className="site-menu-body">
            <nav aria-label={t("nav.menu")} className="main-nav">
              <NavItem to="/scenarios">{t("nav.scenarios")}</NavItem>
              <NavItem to="/vendors">{t("search.v.title")}</NavItem>
              <NavItem to="/notices">{t("nc.title")}</NavItem>
              <NavItem to="/results">{t("rs.nav")}</NavItem>
              <NavItem to="/cases">{t("dl.cases.nav")}</NavItem>
              {viewer ? <NavItem to={viewer.home} end>{t("nav.dashboard")}</NavItem> : null}
              {viewer?.roles.includes("vendor_member") ? <NavItem to="/vendor/proposals">{t("pr.list.title")}</NavItem> : null}
              {viewer?.roles.includes("vendor_member") ? <NavItem to="/vendor/searches">{t("dg.nav")}</NavItem> : null}
              {viewer?.roles.includes("admin") && viewer.home !== "/admin" ? <NavItem to="/admin">{t("nav.admin")}</NavItem> : null}
            </nav>
            <div className="header-actions">
              {viewer ? (
                <>
                  <AppLink to="/notifications">{viewer.unreadCount ? t("nt.header", { n: viewer.unreadCount }) : t("nt.headerNone")}</AppLink>
                  <AppLink to="/account" className="user-name">{viewer.name}</AppLink>
                  <Form method="post" action="/logout">
                    <button type="submit" className="btn btn-link">{t("nav.logout")}</button>
                  </Form>
                </>
              ) : (
                <>
                  <AppLink to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t("nav.login")}</AppLink>
                  <AppLink to="/signup" className="btn btn-small">{t("nav.signup")}</AppLink>
                </>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
