import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "~/modules/admin/admin-vocabulary";
import { listAuditEvents, readAuditFilters } from "~/modules/admin/audit-viewer.server";
import { readTableState } from "~/modules/admin/table-params";
import { hasMessage, translator, useT, type MessageKey } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { requirePermission, requireRole } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "审计日志 Audit log · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];
export const links = adminTableLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "audit.view");
  const params = new URL(request.url).searchParams;
  const { page } = readTableState(params, {});
  const filters = readAuditFilters(params);
  const locale = await getLocale(request);
  const result = await listAuditEvents(filters, page, translator(locale), locale);
  return { page, filters, ...result };
}

export default function AdminAudit() {
  const t = useT();
  const { page, pages, total, events, filters } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const labelOf = (key: string, fallback: string) => (hasMessage(key) ? t(key as MessageKey) : fallback);
  return (
    <section aria-labelledby="audit-title">
      <p><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="audit-title">{t("admin.audit.title")}</h1>
      <p className="muted">{t("adm.audit.intro")}</p>
      <AdminTable
        label={t("admin.audit.title")} page={page} pages={pages} total={total}
        csvHref={`/admin/audit.csv${search.replace(/([?&])page=\d+&?/, "$1")}`}
        filters={[
          { name: "record", label: t("adm.audit.filter.record"), value: filters.record, placeholder: "ZZ-2026-0042" },
          { name: "type", label: t("adm.audit.filter.type"), value: filters.type, options: AUDIT_ENTITIES.map((e) => ({ value: e, label: labelOf(`adm.audit.entity.${e}`, e) })) },
          { name: "actor", label: t("adm.audit.filter.actor"), value: filters.actor },
          { name: "action", label: t("adm.audit.filter.action"), value: filters.action, options: AUDIT_ACTIONS.map((a) => ({ value: a, label: labelOf(`adm.audit.action.${a}`, a) })) },
          { name: "from", label: t("adm.audit.filter.from"), value: filters.from, type: "date" },
          { name: "to", label: t("adm.audit.filter.to"), value: filters.to, type: "date" },
        ]}
      >
        <table>
          <caption className="visually-hidden">{t("admin.audit.title")}</caption>
          <thead>
            <tr><th scope="col">{t("admin.audit.at")}</th><th scope="col">{t("admin.audit.actor")}</th><th scope="col">{t("admin.audit.action")}</th><th scope="col">{t("admin.audit.entity")}</th><th scope="col">{t("adm.audit.details")}</th></tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td><time dateTime={e.at}>{e.atText}</time></td>
                <td>{e.actor}{e.ip ? <div className="muted small">{e.ip}</div> : null}</td>
                <td>{e.actionText}</td>
                <td>{e.entityText}: {e.record}</td>
                <td>
                  {e.fields.length === 0 ? "—" : (
                    <dl className="admin-data">
                      {e.fields.map((f) => <div key={f.label} style={{ display: "contents" }}><dt>{f.label}</dt><dd>{f.value}</dd></div>)}
                    </dl>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminTable>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
