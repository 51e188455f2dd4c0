import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { listPool, poolCandidates, poolFiltersFrom } from "~/modules/evaluation/pool-list.server";
import { POOL_STATUSES, PoolAddSchema } from "~/modules/evaluation/pool-schema";
import { addToPool } from "~/modules/evaluation/pool.server";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "评审专家库 Evaluator pool · 揭榜 Jiebang" }];
export const links = adminTableLinks;

async function requirePoolAdmin(request: Request) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "evaluator.manage");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePoolAdmin(request);
  const filters = poolFiltersFrom(new URL(request.url));
  const [pool, candidates] = await Promise.all([listPool(filters), poolCandidates()]);
  return { filters, pool, candidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePoolAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: PoolAddSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await addToPool(user, submission.value.userId);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`/admin/evaluators/${submission.value.userId}`, { kind: "success", message: "ep.pool.toast.added" });
}

export default function AdminEvaluators() {
  const t = useT();
  const locale = useLocale();
  const { filters, pool, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "pool-add",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PoolAddSchema }),
    shouldValidate: "onSubmit",
  });
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <section aria-labelledby="pool-title">
      <p className="meta-row"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="pool-title">{t("ep.pool.title")}</h1>
      <p className="muted">{t("ep.pool.intro")} <Link to="/admin/invitations">{t("ep.pool.invite")}</Link></p>

      <AdminTable
        label={t("ep.pool.title")} q={filters.q} searchLabel={t("ep.pool.q")} page={pool.page} pages={pool.pages} total={pool.total}
        filters={[
          { name: "sector", label: t("ep.pool.sector"), value: filters.sector, options: SECTORS.map((s) => ({ value: s.key, label: label(SECTORS, s.key, locale) })) },
          { name: "tag", label: t("ep.pool.tag"), value: filters.tag, options: TECH_TAGS.map((s) => ({ value: s.key, label: label(TECH_TAGS, s.key, locale) })) },
          { name: "status", label: t("ep.pool.status"), value: filters.status === "all" ? "" : filters.status, options: POOL_STATUSES.filter((s) => s !== "all").map((s) => ({ value: s, label: t(`ep.pool.status.${s}`) })) },
        ]}
      >
        <table>
          <caption>{t("ep.pool.caption", { count: pool.total })}</caption>
          <thead>
            <tr>
              <th>{t("ep.pool.col.expert")}</th><th>{t("ep.pool.col.title")}</th><th>{t("ep.pool.col.sectors")}</th>
              <th>{t("ep.pool.col.tags")}</th><th>{t("ep.pool.col.org")}</th>
              <th><abbr title={t("ep.pool.loadHint")}>{t("ep.pool.col.load")}</abbr></th>
              <th>{t("common.status")}</th><th>{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {pool.rows.map((r) => (
              <tr key={r.userId}>
                <td>{r.name}<br /><span className="muted small">{r.email}</span></td>
                <td>{r.title || "—"}</td>
                <td>{r.sectors.map((s) => label(SECTORS, s, locale)).join("、") || "—"}</td>
                <td>{r.techTags.map((s) => label(TECH_TAGS, s, locale)).join("、") || "—"}</td>
                <td>{r.currentOrgs.join("、") || "—"}</td>
                <td>{r.load} / {r.maxConcurrent}</td>
                <td><span className="badge">{r.active ? t("ep.pool.active") : t("ep.pool.inactive")}</span></td>
                <td><Link to={`/admin/evaluators/${r.userId}`} aria-label={t("ep.pool.editExpert", { name: r.name })}>{t("ep.pool.edit")}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminTable>

      <div className="card">
        <h2>{t("ep.pool.add.title")}</h2>
        {candidates.length === 0 ? (
          <p className="muted">{t("ep.pool.add.none")} <Link to="/admin/invitations">{t("ep.pool.invite")}</Link></p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={errs(form.errors)} />
            <SelectField label={t("ep.pool.add.user")} {...getSelectProps(fields.userId)} errors={errs(fields.userId.errors)} placeholder="—"
              options={candidates.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))} />
            <button type="submit" className="btn">{t("ep.pool.add.submit")}</button>
          </Form>
        )}
      </div>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
