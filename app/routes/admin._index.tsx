import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminEvaluationList } from "~/components/admin-evaluation-list";
import { scenariosAwaitingEvaluators } from "~/modules/evaluation/assignment-queries.server";
import { adminOverview } from "~/modules/admin/admin-overview.server";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [overview, evaluations] = await Promise.all([adminOverview(), scenariosAwaitingEvaluators()]);
  return { ...overview, evaluations };
}

export default function AdminHome() {
  const t = useT();
  const s = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t("admin.title")}</h1>
      <div className="stats">
        <div className="stat"><strong>{s.organisations}</strong>{t("admin.orgs.title")}</div>
        <div className="stat"><Link to="/admin/organisations"><strong>{s.pending}</strong>{t("adm.verify.state.pending")}</Link></div>
        <div className="stat"><strong>{s.scenarios}</strong>{t("nav.scenarios")}</div>
        <div className="stat"><strong>{s.pendingInvitations}</strong>{t("admin.invite.pending")}</div>
        <div className="stat"><strong>{s.auditEvents}</strong>{t("admin.audit.title")}</div>
      </div>
      <nav className="tabs" aria-label={t("admin.title")}>
        <Link to="/admin/invitations">{t("admin.invite.title")}</Link>
        <Link to="/admin/organisations">{t("adm.verify.title")}</Link>
        <Link to="/admin/users">{t("adm.users.title")}</Link>
        <Link to="/admin/evaluators">{t("ep.pool.link")}</Link>
        <Link to="/admin/organisation-links">{t("ep.links.link")}</Link>
        <Link to="/admin/audit">{t("admin.audit.title")}</Link>
        <Link to="/admin/search">{t("admin.search.link")}</Link>
        <Link to="/admin/mail">{t("mailadmin.link")}</Link>
        <Link to="/admin/objections">{t("ao.title")}</Link>
        <Link to="/admin/jobs">{t("adm.jobs.title")}</Link>
        <Link to="/stats">{t("st.title")}</Link>
      </nav>
      <AdminEvaluationList rows={s.evaluations} />
    </section>
  );
}
