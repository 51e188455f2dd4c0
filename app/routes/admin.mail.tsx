import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { listUndeliveredMail, retryMail } from "~/modules/notifications/mail-admin.server";
import { UNDELIVERED, type Undelivered } from "~/modules/notifications/mail-status";
import { AppError } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "邮件投递 Mail delivery · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "mail.manage");
  const wanted = new URL(request.url).searchParams.get("status");
  const status = UNDELIVERED.find((s) => s === wanted);
  const mails = await listUndeliveredMail(status);
  return {
    status: status ?? null,
    mails: mails.map((m) => ({ ...m, failedAt: m.failedAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() })),
  };
}

const RetrySchema = z.object({ mailId: z.string().trim().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "mail.manage");
  const parsed = RetrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "error.badRequest" }, { status: 400 });
  try {
    await retryMail(user, parsed.data.mailId);
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.label as string }, { status: error.status });
    throw error;
  }
  const url = new URL(request.url);
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: "mailadmin.toast.retried" });
}

const STATUS_LABEL: Record<Undelivered, "mailadmin.status.failed" | "mailadmin.status.dead"> = {
  failed: "mailadmin.status.failed",
  dead: "mailadmin.status.dead",
};

export default function AdminMail() {
  const t = useT();
  const locale = useLocale();
  const { status, mails } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="mail-title">
      <h1 id="mail-title">{t("mailadmin.title")}</h1>
      <p className="muted">{t("mailadmin.intro")}</p>
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      <nav className="tabs" aria-label={t("mailadmin.filter")}>
        <Link to="?" aria-current={status === null ? "page" : undefined}>{t("mailadmin.filter.all")}</Link>
        {UNDELIVERED.map((s) => <Link key={s} to={`?status=${s}`} aria-current={status === s ? "page" : undefined}>{t(STATUS_LABEL[s])}</Link>)}
      </nav>
      {mails.length === 0 ? (
        <p className="card">{t("mailadmin.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>{t("mailadmin.col.time")}</th><th>{t("mailadmin.col.to")}</th><th>{t("mailadmin.col.subject")}</th>
                <th>{t("mailadmin.col.status")}</th><th>{t("mailadmin.col.attempts")}</th><th>{t("mailadmin.col.error")}</th><th>{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td><time dateTime={m.failedAt ?? m.createdAt}>{formatDateTime(m.failedAt ?? m.createdAt, locale)}</time></td>
                  <td>{m.to}</td>
                  <td>{m.subject} <span className="muted small">({m.template})</span></td>
                  <td><span className="badge">{t(STATUS_LABEL[m.status as Undelivered])}</span></td>
                  <td>{m.attempts}</td>
                  <td><code>{m.lastError ?? "—"}</code></td>
                  <td>
                    <Form method="post" action={`/admin/mail?${params.toString()}`}>
                      <input type="hidden" name="mailId" value={m.id} />
                      <button type="submit" className="btn btn-secondary btn-small" aria-label={t("mailadmin.retryLabel", { to: m.to, subject: m.subject })}>
                        {t("mailadmin.retry")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
