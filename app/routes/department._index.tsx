import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, ScenarioListEntry } from "~/components/scenario-list-item";
import { SCENARIO_STATUSES, isKey, label } from "~/modules/scenarios/catalog";
import { getDepartmentName, listDepartmentScenarios } from "~/modules/scenarios/scenario-queries.server";
import { useLocale, useT } from "~/utils/i18n";
import { membershipsWithRole, requireRole } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "发榜工作台 Department · 揭榜 Jiebang" }];

// Officers only; everything is scoped to the department they act for (?org= picks one if they serve several).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "officer");
  const params = new URL(request.url).searchParams;
  const raw = params.get("status") ?? "";
  const status = isKey(SCENARIO_STATUSES, raw) ? raw : null;
  const departmentId = user.membership.orgId;
  const [department, list] = await Promise.all([
    getDepartmentName(departmentId),
    listDepartmentScenarios(departmentId, status, Number(params.get("page") ?? 1)),
  ]);
  const departments = membershipsWithRole(user, "officer").map((m) => ({ id: m.orgId, name: m.org.name }));
  return { ...list, status, department, departments, now: new Date().toISOString() };
}

export default function DepartmentDashboard() {
  const t = useT();
  const locale = useLocale();
  const { items, counts, all, status, department, departments, page, pages, now } = useLoaderData<typeof loader>();
  const orgQuery: Record<string, string> = departments.length > 1 && department ? { org: department.id } : {};
  const withOrg = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...orgQuery, ...extra }).toString();
    return query ? `?${query}` : "";
  };
  return (
    <>
      <h1>{t("sc.dept.title")}</h1>
      <p className="muted">{department?.name}</p>
      {departments.length > 1 ? (
        <nav className="tabs" aria-label={t("sc.dept.switch")}>
          {departments.map((d) => (
            <Link key={d.id} to={`/department?org=${d.id}`} aria-current={d.id === department?.id ? "page" : undefined}>{d.name}</Link>
          ))}
        </nav>
      ) : null}
      <p className="actions">
        <Link to={`/department/scenarios/new${withOrg({})}`} className="btn">{t("sc.dept.new")}</Link>
      </p>
      <nav className="tabs" aria-label={t("sc.list.tabs")}>
        <Link to={`/department${withOrg({})}`} aria-current={status === null ? "page" : undefined}>
          {t("sc.dept.all")} <span className="tab-count">{all}</span>
        </Link>
        {counts.filter((c) => c.count > 0 || c.status === "draft" || c.status === "published").map((c) => (
          <Link key={c.status} to={`/department${withOrg({ status: c.status })}`} aria-current={status === c.status ? "page" : undefined}>
            {label(SCENARIO_STATUSES, c.status, locale)} <span className="tab-count">{c.count}</span>
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="card muted">{all === 0 ? t("sc.dept.empty") : t("sc.list.empty")}</p>
      ) : (
        <ul className="scenario-list">
          {items.map((item) => (
            <ScenarioListEntry key={item.id} item={item} href={`/department/scenarios/${item.id}`} now={now} showStatus />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} query={{ ...orgQuery, ...(status ? { status } : {}) }} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
