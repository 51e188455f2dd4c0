import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, ScenarioListEntry } from "~/components/scenario-list-item";
import { listPublicScenarios } from "~/modules/scenarios/scenario-queries.server";
import { PUBLIC_TABS, publicTab, type PublicTab } from "~/modules/scenarios/scenario-status";
import { translator, useT, type MessageKey } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "zh-CN");
  return [{ title: `${t("sc.list.title")} · ${t("app.name")}` }, { name: "description", content: t("sc.list.intro") }];
};

const TAB_LABELS: Record<PublicTab, MessageKey> = {
  open: "sc.tab.open",
  evaluating: "sc.tab.evaluating",
  awarded: "sc.tab.awarded",
  completed: "sc.tab.completed",
  cancelled: "sc.tab.cancelled",
};

// Public: no guard. Only published scenarios are listed (the query excludes drafts and never-published cancellations).
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const tab = publicTab(params.get("status"));
  const [result, locale] = await Promise.all([listPublicScenarios(tab, Number(params.get("page") ?? 1)), getLocale(request)]);
  return { ...result, tab, tabs: Object.keys(PUBLIC_TABS) as PublicTab[], locale, now: new Date().toISOString() };
}

export default function ScenarioListRoute() {
  const t = useT();
  const { items, tab, tabs, tabCounts, page, pages, total, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("sc.list.title")}</h1>
      <p className="muted">{t("sc.list.intro")}</p>
      <nav className="tabs" aria-label={t("sc.list.tabs")}>
        {tabs.map((key) => (
          <Link key={key} to={key === "open" ? "/scenarios" : `/scenarios?status=${key}`} aria-current={key === tab ? "page" : undefined}>
            {t(TAB_LABELS[key])} <span className="tab-count">{tabCounts[key]}</span>
          </Link>
        ))}
      </nav>
      <p className="muted small" aria-live="polite">{t("common.total", { count: total })}</p>
      {items.length === 0 ? (
        <p className="card muted">{t("sc.list.empty")}</p>
      ) : (
        <ul className="scenario-list">
          {items.map((item) => (
            <ScenarioListEntry key={item.id} item={item} href={`/scenarios/${item.code}`} now={now} />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} query={tab === "open" ? {} : { status: tab }} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
