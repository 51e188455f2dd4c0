import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { SearchPagination } from "~/components/search-pagination";
import { listPool, poolCandidates, poolFiltersFrom, type PoolFilters } from "~/modules/evaluation/pool-list.server";
import { POOL_STATUSES, PoolAddSchema } from "~/modules/evaluation/pool-schema";
import { addToPool } from "~/modules/evaluation/pool.server";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "评审专家库 Evaluator pool · 揭榜 Jiebang" }];

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

/** The URL of the table with these filters; empty ones are left out so links stay short. */
function hrefOf(f: PoolFilters, page: number): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.sector) p.set("sector", f.sector);
  if (f.tag) p.set("tag", f.tag);
  if (f.status !== "all") p.set("status", f.status);
  if (page > 1) p.set("page", String(page));
  const query = p.toString();
  return query ? `?${query}` : "?";
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

      <Form method="get" className="card" role="search" aria-label={t("ep.pool.search")}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="pool-q">{t("ep.pool.q")}</label>
            <input id="pool-q" type="search" name="q" defaultValue={filters.q} maxLength={100} />
          </div>
          <SelectField label={t("ep.pool.sector")} name="sector" defaultValue={filters.sector} placeholder={t("ep.pool.anySector")}
            options={SECTORS.map((s) => ({ value: s.key, label: label(SECTORS, s.key, locale) }))} />
          <SelectField label={t("ep.pool.tag")} name="tag" defaultValue={filters.tag} placeholder={t("ep.pool.anyTag")}
            options={TECH_TAGS.map((s) => ({ value: s.key, label: label(TECH_TAGS, s.key, locale) }))} />
          <SelectField label={t("ep.pool.status")} name="status" defaultValue={filters.status}
            options={POOL_STATUSES.map((s) => ({ value: s, label: t(`ep.pool.status.${s}`) }))} />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-secondary">{t("ep.pool.filter")}</button>
          <Link to="/admin/evaluators">{t("ep.pool.clear")}</Link>
        </div>
      </Form>

      <div className="table-wrap">
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
            {pool.rows.length === 0 ? <tr><td colSpan={8}>{t("ep.pool.empty")}</td></tr> : null}
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
      </div>
      <SearchPagination page={pool.page} pages={pool.pages} href={(page) => hrefOf(filters, page)} />

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
