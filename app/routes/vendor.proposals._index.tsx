import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProposalStatusBadge } from "~/components/proposal-status-badge";
import { listOrgProposals } from "~/modules/proposals/proposal-queries.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "我的申报 My proposals · 揭榜 Jiebang" }];

// 本单位的申报列表：只查询当前成员所属单位（requireRole 支持 ?org=）。 Scoped to the member's organisation.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  return { proposals: await listOrgProposals(user.membership.orgId) };
}

export default function VendorProposalsRoute() {
  const t = useT();
  const locale = useLocale();
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">{t("pr.list.title")}</h1>
      {proposals.length === 0 ? <p className="muted">{t("pr.list.empty")}</p> : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("pr.list.scenario")}</th>
              <th scope="col">{t("common.status")}</th>
              <th scope="col">{t("pr.list.deadline")}</th>
              <th scope="col">{t("pr.list.submissions")}</th>
              <th scope="col">{t("pr.list.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/vendor/proposals/${p.scenario.code}`}>{p.scenario.title}</Link> <span className="scenario-code">{p.scenario.code}</span></td>
                <td><ProposalStatusBadge status={p.status} /></td>
                <td>{formatDateTime(p.scenario.deadline, locale)}</td>
                <td>{p.submissions}</td>
                <td>{formatDateTime(p.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
