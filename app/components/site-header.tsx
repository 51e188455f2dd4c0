import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { LocaleSwitch } from "./locale-switch";

type Viewer = { id: string; name: string; home: string; roles: string[]; unreadCount?: number } | null;

// One row at every width: on a phone the navigation and the account links fold into a <details>
// menu, which opens without JavaScript; on a desktop the stylesheet shows its content inline and
// hides the summary, so nothing moves when the scripts load.
export function SiteHeader({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const location = useLocation();
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand" aria-label={t("app.name")}>
          <span className="brand-mark" aria-hidden="true">榜</span>
          <span className="brand-name">{t("app.name")}</span>
        </Link>
        <div className="header-locale"><LocaleSwitch /></div>
        {/* The key closes the menu after a navigation (React keeps a <details>' open state otherwise). */}
        <details className="site-menu" key={location.pathname}>
          <summary>{t("nav.menuButton")}</summary>
          <div className="site-menu-body">
            <nav aria-label={t("nav.menu")} className="main-nav">
              <NavLink to="/scenarios">{t("nav.scenarios")}</NavLink>
              <NavLink to="/vendors">{t("search.v.title")}</NavLink>
              <NavLink to="/notices">{t("nc.title")}</NavLink>
              <NavLink to="/results">{t("rs.nav")}</NavLink>
              <NavLink to="/cases">{t("dl.cases.nav")}</NavLink>
              {viewer ? <NavLink to={viewer.home} end>{t("nav.dashboard")}</NavLink> : null}
              {viewer?.roles.includes("vendor_member") ? <NavLink to="/vendor/proposals">{t("pr.list.title")}</NavLink> : null}
              {viewer?.roles.includes("vendor_member") ? <NavLink to="/vendor/searches">{t("dg.nav")}</NavLink> : null}
              {viewer?.roles.includes("admin") && viewer.home !== "/admin" ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
            </nav>
            <div className="header-actions">
              {viewer ? (
                <>
                  <Link to="/notifications">{viewer.unreadCount ? t("nt.header", { n: viewer.unreadCount }) : t("nt.headerNone")}</Link>
                  <Link to="/account" className="user-name">{viewer.name}</Link>
                  <Form method="post" action="/logout">
                    <button type="submit" className="btn btn-link">{t("nav.logout")}</button>
                  </Form>
                </>
              ) : (
                <>
                  <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t("nav.login")}</Link>
                  <Link to="/signup" className="btn btn-small">{t("nav.signup")}</Link>
                </>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
