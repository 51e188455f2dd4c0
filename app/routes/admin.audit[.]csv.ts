import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditEventsForCsv, readAuditFilters } from "~/modules/admin/audit-viewer.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { translator } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { requirePermission, requireRole } from "~/utils/permissions.server";

/** The audit log as CSV with the page's filters, in the reader's language, the same readable words as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "audit.view");
  const locale = await getLocale(request);
  const t = translator(locale);
  const events = await auditEventsForCsv(readAuditFilters(new URL(request.url).searchParams), t, locale);
  const header = [t("admin.audit.at"), t("admin.audit.actor"), "IP", t("admin.audit.action"), t("adm.audit.actionCode"), t("admin.audit.entity"), t("adm.audit.recordName"), t("adm.audit.recordId"), t("adm.audit.details")];
  const rows = events.map((e) => [e.at, e.actor, e.ip, e.actionText, e.action, e.entityText, e.record, e.entityId, e.fields.map((f) => `${f.label}: ${f.value}`).join("; ")]);
  return csvResponse(toCsv(header, rows), `audit-${new Date().toISOString().slice(0, 10)}.csv`);
}
