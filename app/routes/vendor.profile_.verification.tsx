import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { formatBytes } from "~/components/attachment-list";
import { ConfirmAction } from "~/components/confirm-action";
import { ErrorList, SelectField } from "~/components/forms";
import {
  MAX_VERIFICATION_DOCUMENTS, VERIFICATION_ACCEPT, VERIFICATION_DOCUMENT_KINDS, usualKindFor,
} from "~/modules/organisations/verification-documents";
import {
  removeVerificationDocument, resubmitForVerification, uploadVerificationDocument, verificationPageFor,
} from "~/modules/organisations/verification-documents.server";
import {
  parseVerificationIntent, readVerificationForm, uploadedFile, type VerificationIntent,
} from "~/modules/organisations/verification-form.server";
import { AppError, toResponse } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "机构认证 Organisation verification · 揭榜 Jiebang" }];

// The member's organisation as requireRole picked it (?org= for members of several), like /vendor/profile.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const page = await verificationPageFor(user, user.membership.orgId).catch((error: unknown) => {
    throw toResponse(error);
  });
  return { ...page, max: MAX_VERIFICATION_DOCUMENTS };
}

type Failure = { error: string; intent: VerificationIntent | null };

const TOAST = { upload: "vd.toast.uploaded", remove: "vd.toast.removed", resubmit: "vd.toast.resubmitted" } as const;

/** Upload, remove or ask again. A refusal comes back to this page with its message and a 4xx status. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const orgId = user.membership.orgId;
  let intent: VerificationIntent | null = null;
  try {
    const form = await readVerificationForm(request);
    const command = parseVerificationIntent(form);
    intent = command.intent;
    if (command.intent === "upload") await uploadVerificationDocument(user, orgId, { kind: command.kind, file: uploadedFile(form) });
    else if (command.intent === "remove") await removeVerificationDocument(user, orgId, command.documentId);
    else await resubmitForVerification(user, orgId);
    const url = new URL(request.url);
    return redirectWithToast(`/vendor/profile/verification${url.search}`, { kind: "success", message: TOAST[command.intent] });
  } catch (error) {
    if (error instanceof AppError) return data<Failure>({ error: error.label, intent }, { status: error.status });
    throw error;
  }
}

function UploadForm({ defaultKind, max, error, busy }: { defaultKind: string; max: number; error?: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data" className="card" aria-labelledby="vd-upload-title">
      <h2 id="vd-upload-title">{t("vd.upload.title")}</h2>
      <input type="hidden" name="intent" value="upload" />
      <SelectField label={t("vd.upload.kind")} name="kind" defaultValue={defaultKind} required
        options={VERIFICATION_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`vd.kind.${k}`) }))} />
      <div className={`field ${error ? "field-invalid" : ""}`}>
        <label htmlFor="vd-file">{t("vd.upload.file")}</label>
        <input id="vd-file" type="file" name="file" required accept={VERIFICATION_ACCEPT} aria-invalid={error ? true : undefined}
          aria-describedby={error ? "vd-file-errors vd-file-hint" : "vd-file-hint"} autoFocus={!!error} />
        <p className="field-hint" id="vd-file-hint">{t("vd.upload.hint", { max })}</p>
        <ErrorList id="vd-file-errors" errors={error ? [error] : undefined} />
      </div>
      <button type="submit" className="btn" disabled={busy}>{t("vd.upload.submit")}</button>
    </Form>
  );
}

export default function VerificationDocumentsRoute() {
  const t = useT();
  const locale = useLocale();
  const { org, state, documents, editable, full, canResubmit, max } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { search } = useLocation();
  const uploadError = failure?.intent === "upload" ? failure.error : undefined;
  const pageError = failure && failure.intent !== "upload" ? failure.error : undefined;
  const status = state === "verified" ? t("vd.status.verified")
    : state === "rejected" ? t("vd.status.rejected", { reason: org.rejectionReason ?? "—" })
    : t(documents.length ? "vd.status.pending" : "vd.status.pendingEmpty");
  return (
    <section aria-labelledby="vd-title">
      <p className="meta-row"><Link to={`/vendor/profile${search}`}>{t("vd.back")}</Link></p>
      <h1 id="vd-title">{t("vd.title")}</h1>
      <p className="muted">{org.name} · {t("vd.intro")}</p>
      {pageError ? <div className="form-errors" role="alert"><p>{translateMaybe(t, pageError)}</p></div> : null}
      <div className="card">
        <dl className="facts">
          <dt>{t("vd.state")}</dt>
          <dd><span className={`badge ${state === "verified" ? "badge-verified" : state === "rejected" ? "badge-missing" : ""}`}>{t(`adm.verify.state.${state}`)}</span></dd>
          <dt>{t("vd.creditCode")}</dt><dd><code>{org.creditCode ?? "—"}</code></dd>
        </dl>
        <p>{status}</p>
        {state === "rejected" ? <p>{t("vd.status.rejectedHint")}</p> : null}
      </div>

      <h2 id="vd-documents">{t("vd.documents")}</h2>
      {documents.length === 0 ? <p className="muted">{t("vd.none")}</p> : (
        <div className="table-wrap verification-documents" tabIndex={0} role="group" aria-labelledby="vd-documents">
          <table>
            <thead>
              <tr>
                <th>{t("vd.col.kind")}</th><th>{t("vd.col.file")}</th><th>{t("vd.col.size")}</th><th>{t("vd.col.uploaded")}</th>
                {editable ? <th>{t("vd.col.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => {
                const name = d.attachment?.filename ?? "—";
                return (
                  <tr key={d.id}>
                    <td>{t(`vd.kind.${d.kind}`)}</td>
                    <td>{d.attachment ? <a href={`/attachments/${d.attachment.id}`} download={name}>{name}</a> : name}</td>
                    <td>{formatBytes(d.attachment?.size ?? 0)}</td>
                    <td>{formatDateTime(d.createdAt, locale)}</td>
                    {editable ? (
                      <td>
                        <ConfirmAction label={t("vd.remove")} question={t("vd.removeConfirm", { name })}>
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="documentId" value={d.id} />
                            <button type="submit" className="btn btn-danger-solid btn-small" disabled={busy} aria-label={t("vd.removeLabel", { name })}>{t("vd.removeYes")}</button>
                          </Form>
                        </ConfirmAction>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {editable && full ? <p role="status">{t("vd.full", { max })}</p> : null}
      {/* Keyed by the count: after an upload the form starts empty again, with JavaScript as without. */}
      {editable && !full ? <UploadForm key={documents.length} defaultKind={usualKindFor(org.type)} max={max} error={uploadError} busy={busy} /> : null}

      {state === "rejected" ? (
        <Form method="post" className="card" aria-labelledby="vd-resubmit-title">
          <h2 id="vd-resubmit-title">{t("vd.resubmit.title")}</h2>
          <p className="muted">{t(canResubmit ? "vd.resubmit.hint" : "vd.resubmit.needDocuments")}</p>
          <input type="hidden" name="intent" value="resubmit" />
          <button type="submit" className="btn" disabled={busy || !canResubmit}>{t("vd.resubmit.submit")}</button>
        </Form>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
