import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { JOB_STATES } from "~/modules/admin/admin-vocabulary";
import { QUEUE_NAMES, failedJobs, queueCounts, retryJob } from "~/modules/admin/background-jobs.server";
import { badRequest, commandError, runCommand } from "~/modules/admin/command-result.server";
import { readTableState } from "~/modules/admin/table-params";
import { formatDateTime } from "~/utils/format";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "后台任务 Background jobs · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];
export const links = adminTableLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "jobs.manage");
  const state = readTableState(new URL(request.url).searchParams, { queue: QUEUE_NAMES });
  const [counts, failed] = await Promise.all([queueCounts(), failedJobs({ queue: state.filters.queue, page: state.page })]);
  // The queue names come with the data: they are defined in a server module.
  return { ...state, counts, ...failed, queues: QUEUE_NAMES };
}

const RetrySchema = z.object({ queue: z.enum(QUEUE_NAMES as [string, ...string[]]), jobId: z.string().trim().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "jobs.manage");
  const parsed = RetrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return badRequest();
  const failed = await runCommand(() => retryJob(user, parsed.data.queue as (typeof QUEUE_NAMES)[number], parsed.data.jobId));
  if (failed) return commandError(failed);
  const url = new URL(request.url);
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: "adm.jobs.toast.retried" });
}

export default function AdminJobs() {
  const t = useT();
  const locale = useLocale();
  const { counts, rows, page, pages, total, filters, queues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <section aria-labelledby="jobs-title">
      <p><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="jobs-title">{t("adm.jobs.title")}</h1>
      <p className="muted">{t("adm.jobs.intro")} <Link to="/admin/mail">{t("mailadmin.link")}</Link></p>
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      <h2>{t("adm.jobs.queues")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">{t("adm.jobs.queue")}</th>{JOB_STATES.map((s) => <th key={s} scope="col">{t(`adm.jobs.state.${s}`)}</th>)}</tr></thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.queue}><th scope="row"><code>{c.queue}</code></th>{JOB_STATES.map((s) => <td key={s}>{c.counts[s]}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("adm.jobs.failed")}</h2>
      <AdminTable
        label={t("adm.jobs.failed")} page={page} pages={pages} total={total}
        filters={[{ name: "queue", label: t("adm.jobs.queue"), value: filters.queue, options: queues.map((q) => ({ value: q, label: q })) }]}
      >
        <table>
          <thead>
            <tr><th scope="col">{t("adm.jobs.failedAt")}</th><th scope="col">{t("adm.jobs.queue")}</th><th scope="col">{t("adm.jobs.error")}</th><th scope="col">{t("adm.jobs.attempts")}</th><th scope="col">{t("adm.jobs.data")}</th><th scope="col">{t("common.actions")}</th></tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j.id}>
                <td>{formatDateTime(j.failedOn ?? j.createdOn, locale)}</td>
                <td><code>{j.queue}</code></td>
                <td><code>{j.error ?? "—"}</code></td>
                <td>{j.retryCount} / {j.retryLimit}</td>
                <td><code className="small">{j.data}</code></td>
                <td>
                  <Form method="post" action={`/admin/jobs${search}`}>
                    <input type="hidden" name="queue" value={j.queue} />
                    <input type="hidden" name="jobId" value={j.id} />
                    <button type="submit" className="btn btn-secondary btn-small" aria-label={t("adm.jobs.retryLabel", { queue: j.queue, id: j.id })}>{t("adm.jobs.retry")}</button>
                  </Form>
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
