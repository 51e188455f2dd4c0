import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { formatBytes } from "~/components/attachment-list";
import { badRequest, commandError, runCommand } from "~/modules/admin/command-result.server";
import { ORG_TYPES, VERIFICATION_STATES } from "~/modules/admin/admin-vocabulary";
import { documentsFingerprint } from "~/modules/admin/documents-fingerprint";
import { listVerificationQueue, rejectOrganisation, unverifyOrganisation, verifyOrganisation } from "~/modules/admin/organisation-verification.server";
import { readTableState } from "~/modules/admin/table-params";
import { formatDateTime } from "~/utils/format";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "机构认证 Organisation verification · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];
export const links = adminTableLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "org.verify");
  const state = readTableState(new URL(request.url).searchParams, { state: VERIFICATION_STATES, type: ORG_TYPES });
  const queue = await listVerificationQueue({ q: state.q, page: state.page, state: state.filters.state, type: state.filters.type });
  return { ...state, ...queue };
}

const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), orgId: z.string().trim().min(1).max(64), documents: z.string().trim().max(2000).default("") }),
  z.object({ intent: z.literal("unverify"), orgId: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal("reject"), orgId: z.string().trim().min(1).max(64), reason: z.string().trim().min(4, "adm.verify.error.reason").max(500, "adm.verify.error.reason") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "org.verify");
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const reasonError = parsed.error.issues.find((i) => i.path[0] === "reason");
    return badRequest(reasonError?.message ?? "error.badRequest");
  }
  const d = parsed.data;
  const failed = await runCommand(() =>
    d.intent === "verify" ? verifyOrganisation(user, d.orgId, d.documents.split(",").filter(Boolean)) : d.intent === "unverify" ? unverifyOrganisation(user, d.orgId) : rejectOrganisation(user, d.orgId, d.reason),
  );
  if (failed) return commandError(failed);
  const url = new URL(request.url);
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: `adm.verify.toast.${d.intent}` as const });
}

export default function AdminOrganisations() {
  const t = useT();
  const locale = useLocale();
  const { q, page, pages, total, rows, state, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <section aria-labelledby="orgs-title">
      <p><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="orgs-title">{t("adm.verify.title")}</h1>
      <p className="muted">{t("adm.verify.intro")}</p>
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      <AdminTable
        label={t("adm.verify.title")} q={q} searchLabel={t("adm.verify.search")} page={page} pages={pages} total={total}
        filters={[
          { name: "state", label: t("adm.verify.state"), value: filters.state, options: VERIFICATION_STATES.map((s) => ({ value: s, label: t(`adm.verify.state.${s}`) })) },
          { name: "type", label: t("adm.verify.type"), value: filters.type, options: ORG_TYPES.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) })) },
        ]}
      >
        <ul className="admin-queue" aria-label={t(`adm.verify.state.${state}`)}>
          {rows.map((o) => (
            <li key={o.id} className="admin-queue-item">
              <h2>
                {o.name} <span className="badge">{t(`orgType.${o.type}`)}</span> <span className="badge">{t(`adm.verify.state.${o.state}`)}</span>
                {o.verificationDocuments.length === 0 ? <> <span className="badge badge-missing">{t("adm.verify.noFiles")}</span></> : null}
              </h2>
              <dl className="admin-data">
                <dt>{t("auth.signup.creditCode")}</dt>
                <dd>
                  <code>{o.creditCode ?? "—"}</code>{" "}
                  <span className={o.creditCheck === "invalid" ? "admin-check-bad" : "admin-check-ok"}>{t(`adm.verify.check.${o.creditCheck}`)}</span>
                </dd>
                <dt>{t("adm.verify.registered")}</dt><dd>{formatDateTime(o.createdAt, locale)}</dd>
                <dt>{t("adm.verify.contact")}</dt><dd>{[o.contactName, o.contactPhone, o.contactEmail].filter(Boolean).join(" · ") || "—"}</dd>
                <dt>{t("adm.verify.website")}</dt><dd>{o.website ?? "—"}</dd>
                <dt>{t("adm.verify.files")}</dt>
                <dd>
                  {o.verificationDocuments.length === 0 ? t("adm.verify.noFiles") : (
                    <ul className="plain-list" aria-label={t("adm.verify.files")}>
                      {o.verificationDocuments.map((d) => (
                        <li key={d.id}>
                          {d.attachment ? <a href={`/attachments/${d.attachment.id}`} download={d.attachment.filename}>{d.attachment.filename}</a> : "—"}{" "}
                          <span className="muted small">
                            {t("adm.verify.fileMeta", { kind: t(`vd.kind.${d.kind}`), size: formatBytes(d.attachment?.size ?? 0), date: formatDateTime(d.createdAt, locale) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>{t("adm.verify.documents")}</dt><dd>{o.certifications.length > 0 ? o.certifications.join("、") : t("adm.verify.noDocuments")}</dd>
                <dt>{t("adm.verify.cases")}</dt><dd>{o._count.pastCases}</dd>
                <dt>{t("adm.verify.members")}</dt>
                <dd>
                  {o.memberships.map((m) => `${m.user.name} <${m.user.email}>${m.user.emailVerifiedAt ? "" : ` (${t("adm.verify.emailUnverified")})`}`).join("; ") || "—"}
                  {o._count.memberships > o.memberships.length ? ` … (${o._count.memberships})` : ""}
                </dd>
                {o.rejectionReason ? <><dt>{t(o.state === "pending" ? "adm.verify.previousReason" : "adm.verify.reason")}</dt><dd>{o.rejectionReason}</dd></> : null}
              </dl>
              <div className="admin-queue-actions">
                {o.state !== "verified" ? (
                  <Form method="post" action={`/admin/organisations${search}`}>
                    <input type="hidden" name="orgId" value={o.id} />
                    {/* The documents shown above: verifying answers 409 if a member changed them since. */}
                    <input type="hidden" name="documents" value={documentsFingerprint(o.verificationDocuments.map((d) => d.id))} />
                    <button type="submit" name="intent" value="verify" className="btn btn-small" disabled={o.creditCheck === "invalid"} aria-label={t("adm.verify.verifyLabel", { name: o.name })}>
                      {t("admin.orgs.verify")}
                    </button>
                  </Form>
                ) : (
                  <Form method="post" action={`/admin/organisations${search}`}>
                    <input type="hidden" name="orgId" value={o.id} />
                    <button type="submit" name="intent" value="unverify" className="btn btn-secondary btn-small" aria-label={t("adm.verify.unverifyLabel", { name: o.name })}>
                      {t("admin.orgs.unverify")}
                    </button>
                  </Form>
                )}
                {o.state === "pending" ? (
                  <Form method="post" action={`/admin/organisations${search}`}>
                    <input type="hidden" name="orgId" value={o.id} />
                    <div className="field">
                      <label htmlFor={`reason-${o.id}`}>{t("adm.verify.reasonFor", { name: o.name })}</label>
                      <input id={`reason-${o.id}`} name="reason" type="text" required minLength={4} maxLength={500} />
                    </div>
                    <button type="submit" name="intent" value="reject" className="btn btn-danger btn-small">{t("adm.verify.reject")}</button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </AdminTable>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
