import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProposalSubmittedList } from "~/components/proposal-submitted-list";
import { departmentView } from "~/modules/proposals/proposal-access.server";
import { countSubmitted, listSubmittedContent } from "~/modules/proposals/proposal-queries.server";
import { auditProposalsOpened } from "~/modules/proposals/read-audit.server";
import { renderMarkdown } from "~/modules/scenarios/markdown.server";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { invariantResponse } from "~/utils/errors.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.code} 申报情况 · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

// 发榜部门的申报视图。截止前只返回份数（内容根本不进入加载器数据，页面源代码里也看不到）；
// 截止后才返回每份申报最新一次递交的内容。管理员不是本部门的工作人员，requireScenarioManager 直接 403。
// The department's view. Before the deadline only the count (content never enters the loader data);
// after it, the latest submitted content of each proposal, and each opening is audited. Admins are not
// officers here: 403.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, key } = await requireScenarioManager(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  const view = departmentView(user, scenario);
  invariantResponse(view !== "none", 403);
  const count = await countSubmitted(scenario.id);
  const base = { scenario: { id: scenario.id, code: scenario.code, title: scenario.title }, count };
  if (view === "count") return { ...base, sealed: true as const, proposals: [] };
  const rows = await listSubmittedContent(scenario.id, key.departmentId);
  await auditProposalsOpened({ id: user.id, context: user.context }, scenario.id, rows);
  const proposals = rows.map(({ technicalApproach, ...rest }) => ({ ...rest, technicalApproachHtml: renderMarkdown(technicalApproach) }));
  return { ...base, sealed: false as const, proposals };
}

export default function DepartmentProposalsRoute() {
  const t = useT();
  const { scenario: s, count, sealed, proposals } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="dept-proposals-title">
      <p className="meta-row">
        <Link to={`/department/scenarios/${s.id}`}>{t("pr.dept.back")}</Link>
        <span className="scenario-code">{s.code}</span>
      </p>
      <h1 id="dept-proposals-title">{t("pr.dept.title")}：{s.title}</h1>
      <p className="stat"><strong data-testid="proposal-count">{count}</strong> {t("pr.dept.count", { n: count })}</p>
      {sealed ? <p className="status-banner" role="note">{t("pr.dept.sealed")}</p> : <ProposalSubmittedList proposals={proposals} />}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
