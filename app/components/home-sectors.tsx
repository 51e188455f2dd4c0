import { Link } from "@remix-run/react";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";

/** Every sector with the number of open calls in it; a sector with none is shown quieter, still a link. */
export function HomeSectors({ sectors }: { sectors: { key: string; count: number }[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="sectors-title">
      <h2 id="sectors-title">{t("home.sectors")}</h2>
      <ul className="sector-grid">
        {sectors.map((s) => (
          <li key={s.key}>
            <Link to={`/scenarios?sector=${s.key}`} className={`sector-link ${s.count === 0 ? "sector-empty" : ""}`}
              aria-label={t("home.sectorLink", { sector: label(SECTORS, s.key, locale), n: s.count })}>
              <span>{label(SECTORS, s.key, locale)}</span>
              <span className="sector-count" aria-hidden="true">{s.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
