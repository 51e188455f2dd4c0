import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HomeCases } from "~/components/home-cases";
import { HomeHero } from "~/components/home-hero";
import { HomeNextSteps } from "~/components/home-next-steps";
import { HomeSectors } from "~/components/home-sectors";
import { ScenarioCard } from "~/components/scenario-card";
import type { ScenarioListItem } from "~/modules/scenarios/scenario-queries.server";
import { homePage } from "~/modules/home/home-page.server";
import { nextSteps } from "~/modules/home/next-steps.server";
import { useT } from "~/utils/i18n";
import { getCurrentUser, homeFor } from "~/utils/permissions.server";

// Public page: no guard. A signed-in visitor also gets their own next steps, read with their scope.
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const user = await getCurrentUser(request);
  const [page, steps] = await Promise.all([homePage(now), user ? nextSteps(user, now) : null]);
  return { ...page, next: user && steps ? { steps, home: homeFor(user) } : null, now: now.toISOString() };
}

function ScenarioSection({ id, title, more, items, now, showStatus }: {
  id: string; title: string; more: { href: string; text: string }; items: ScenarioListItem[]; now: string; showStatus?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        <Link to={more.href} className="section-more">{more.text}</Link>
      </div>
      <ul className="card-grid">
        {items.map((item) => <ScenarioCard key={item.id} item={item} now={now} showStatus={showStatus} />)}
      </ul>
    </section>
  );
}

export default function Home() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <HomeHero stats={data.stats} />
      {data.next ? <HomeNextSteps steps={data.next.steps} home={data.next.home} /> : null}
      <ScenarioSection id="closing-title" title={t("home.closingSoon")} items={data.closingSoon} now={data.now}
        more={{ href: "/scenarios?sort=deadline", text: t("home.moreClosing") }} />
      <ScenarioSection id="newest-title" title={t("home.latest")} items={data.newest} now={data.now}
        more={{ href: "/scenarios?sort=newest", text: t("home.moreNewest") }} />
      <HomeSectors sectors={data.sectors} />
      <ScenarioSection id="results-title" title={t("home.results")} items={data.results} now={data.now} showStatus
        more={{ href: "/scenarios?status=awarded&status=in_delivery&status=completed", text: t("home.moreResults") }} />
      <HomeCases cases={data.cases} />
      {data.next ? null : (
        <section className="grid home-roles" aria-label={t("home.rolesLabel")}>
          <div className="card"><h2>{t("home.forDepartments")}</h2><p>{t("home.forDepartmentsText")}</p></div>
          <div className="card"><h2>{t("home.forVendors")}</h2><p>{t("home.forVendorsText")}</p><Link to="/signup" className="btn btn-secondary">{t("nav.signup")}</Link></div>
        </section>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
