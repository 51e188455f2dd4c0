import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "audit.view");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const [total, events] = await Promise.all([
    db.auditEvent.count(),
    db.auditEvent.findMany({
      select: { id: true, at: true, action: true, entityType: true, entityId: true, actor: { select: { name: true, email: true } } },
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), events: events.map((e) => ({ ...e, id: e.id.toString() })) };
}

export default function AdminAudit() {
  const t = useT();
  const locale = useLocale();
  const { page, pages, events } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("admin.audit.title")}</h1>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t("admin.audit.at")}</th><th>{t("admin.audit.actor")}</th><th>{t("admin.audit.action")}</th><th>{t("admin.audit.entity")}</th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td>
                <td>{e.actor ? `${e.actor.name} <${e.actor.email}>` : "—"}</td>
                <td><code>{e.action}</code></td>
                <td>{e.entityType} · <code>{e.entityId}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="pagination">
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t("common.previous")}</Link> : null}
        <span>{t("common.page", { page, pages })}</span>
        {page < pages ? <Link to={`?page=${page + 1}`}>{t("common.next")}</Link> : null}
      </nav>
    </section>
  );
}
