import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>
          <Link to="/results">{t("rs.nav")}</Link> · <a href="/opendata">{t("od.footerLink")}</a> · <a href="/feeds/scenarios.atom" type="application/atom+xml">Atom</a> · <Link to="/stats">{t("st.title")}</Link>
        </p>
      </div>
    </footer>
  );
}
