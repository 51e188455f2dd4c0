import { AppLink } from "./app-link";
import { useT } from "~/utils/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>
          <AppLink to="/results">{t("rs.nav")}</AppLink> · <a href="/opendata">{t("od.footerLink")}</a> · <a href="/feeds/scenarios.atom" type="application/atom+xml">Atom</a> · <AppLink to="/stats">{t("st.title")}</AppLink>
        </p>
      </div>
    </footer>
  );
}
