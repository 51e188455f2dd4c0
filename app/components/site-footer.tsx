import { useT } from "~/utils/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
      </div>
    </footer>
  );
}
