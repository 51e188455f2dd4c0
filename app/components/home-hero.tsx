import { Form, Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

type Stats = { open: number; departments: number; vendors: number; delivered: number };

// The first screen: what the platform is, a search box (a plain GET form to the search page, so it
// works without JavaScript) and the four numbers, each leading to the list it counts.
export function HomeHero({ stats }: { stats: Stats }) {
  const t = useT();
  return (
    <section className="hero" aria-labelledby="hero-title">
      <h1 id="hero-title">{t("home.hero")}</h1>
      <p className="hero-sub">{t("home.heroSub")}</p>
      <Form method="get" action="/scenarios" className="hero-search" role="search">
        <label htmlFor="home-q" className="visually-hidden">{t("home.searchLabel")}</label>
        <input id="home-q" type="search" name="q" placeholder={t("search.sc.placeholder")} enterKeyHint="search" />
        <button type="submit" className="btn">{t("home.searchButton")}</button>
      </Form>
      <ul className="stats" aria-label={t("home.statsLabel")}>
        <li><Link to="/scenarios" className="stat"><strong>{stats.open}</strong><span>{t("home.stats.open")}</span></Link></li>
        <li><span className="stat"><strong>{stats.departments}</strong><span>{t("home.stats.departments")}</span></span></li>
        <li><Link to="/vendors" className="stat"><strong>{stats.vendors}</strong><span>{t("home.stats.vendors")}</span></Link></li>
        <li><Link to="/scenarios?status=completed" className="stat"><strong>{stats.delivered}</strong><span>{t("home.stats.delivered")}</span></Link></li>
      </ul>
    </section>
  );
}
