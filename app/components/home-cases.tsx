import { Link } from "@remix-run/react";
import type { HomePage } from "~/modules/home/home-page.server";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { localisedText } from "./scenario-list-item";

/** Delivered work vendors list in their profiles, linked to the vendor's public page. */
export function HomeCases({ cases }: { cases: HomePage["cases"] }) {
  const t = useT();
  const locale = useLocale();
  if (cases.length === 0) return null;
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t("home.cases")}</h2>
      <ul className="card-grid">
        {cases.map((c) => (
          <li key={c.id} className="scenario-card">
            <div className="meta-row"><span>{label(SECTORS, c.sector, locale)}</span><span>{c.year}</span></div>
            <h3>{c.title}</h3>
            {c.summary ? <p className="small case-summary">{c.summary}</p> : null}
            <p className="small"><Link to={`/vendors/${c.org.id}`}>{localisedText(c.org.name, c.org.nameEn, locale)}</Link></p>
          </li>
        ))}
      </ul>
    </section>
  );
}
