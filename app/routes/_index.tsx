import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { homeStats } from "~/modules/scenarios/home-stats.server";
import { useT } from "~/utils/i18n";

export async function loader(_: LoaderFunctionArgs) {
  return { stats: await homeStats() };
}

export default function Home() {
  const t = useT();
  const { stats } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home.hero")}</h1>
        <p>{t("home.heroSub")}</p>
        <p className="actions"><Link to="/scenarios" className="btn">{t("home.browse")}</Link></p>
      </section>
      <section className="stats" aria-label={t("app.tagline")}>
        <div className="stat"><strong>{stats.open}</strong>{t("home.stats.open")}</div>
        <div className="stat"><strong>{stats.departments}</strong>{t("home.stats.departments")}</div>
        <div className="stat"><strong>{stats.vendors}</strong>{t("home.stats.vendors")}</div>
        <div className="stat"><strong>{stats.delivered}</strong>{t("home.stats.delivered")}</div>
      </section>
      <section className="grid">
        <div className="card"><h2>{t("home.forDepartments")}</h2><p>{t("home.forDepartmentsText")}</p></div>
        <div className="card"><h2>{t("home.forVendors")}</h2><p>{t("home.forVendorsText")}</p><Link to="/signup">{t("nav.signup")}</Link></div>
      </section>
    </>
  );
}
