import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { AdminTable, adminTableLinks } from "~/components/admin-table";
import { addLink, listLinks, organisationsByIds, removeLink, searchOrganisations } from "~/modules/evaluation/org-links.server";
import { LINK_KINDS, LINK_NOTE_MAX, LinkAddSchema, LinkRemoveSchema, type LinkKind } from "~/modules/evaluation/pool-schema";
import { formatDateTime } from "~/utils/format";
import { toResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "单位关联关系 Organisation links · 揭榜 Jiebang" }];
export const links = adminTableLinks;

async function requireLinkAdmin(request: Request) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "orgLink.manage");
  return user;
}

// The whole page state is in the URL: the search, the two organisations picked, the page of links.
function stateOf(url: URL) {
  const p = url.searchParams;
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    from: (p.get("from") ?? "").slice(0, 40),
    to: (p.get("to") ?? "").slice(0, 40),
    kind: (LINK_KINDS.find((k) => k === p.get("kind")) ?? "") as LinkKind | "",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}
type PageState = ReturnType<typeof stateOf>;

function hrefOf(s: PageState, change: Partial<PageState>): string {
  const next = { ...s, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  if (next.from) p.set("from", next.from);
  if (next.to) p.set("to", next.to);
  if (next.kind) p.set("kind", next.kind);
  if (next.page > 1) p.set("page", String(next.page));
  const query = p.toString();
  return query ? `?${query}` : "?";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireLinkAdmin(request);
  const state = stateOf(new URL(request.url));
  const [results, picked, links] = await Promise.all([
    searchOrganisations(state.q),
    organisationsByIds([state.from, state.to]),
    listLinks({ q: state.q, page: state.page, kind: state.kind || undefined }),
  ]);
  return {
    state, results, links,
    from: picked.find((o) => o.id === state.from) ?? null,
    to: picked.find((o) => o.id === state.to) ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLinkAdmin(request);
  const url = new URL(request.url);
  const state = stateOf(url);
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const parsed = LinkRemoveSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("error.badRequest", { status: 400 });
    await removeLink(user, parsed.data.linkId).catch((error: unknown) => {
      throw toResponse(error);
    });
    return redirectWithToast(`${url.pathname}${hrefOf(state, {})}`, { kind: "success", message: "ep.links.toast.removed" });
  }
  const submission = parseWithZod(formData, { schema: LinkAddSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await addLink(user, submission.value);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`${url.pathname}${hrefOf(state, { from: "", to: "", page: 1 })}`, { kind: "success", message: "ep.links.toast.added" });
}

export default function AdminOrganisationLinks() {
  const t = useT();
  const locale = useLocale();
  const { state, results, links, from, to } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "link-add",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkAddSchema }),
    shouldValidate: "onSubmit",
  });
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <section aria-labelledby="links-title">
      <p className="meta-row"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="links-title">{t("ep.links.title")}</h1>
      <p className="muted">{t("ep.links.intro")}</p>

      <Form method="get" className="card" role="search" aria-label={t("ep.links.searchForm")}>
        {state.from ? <input type="hidden" name="from" value={state.from} /> : null}
        {state.to ? <input type="hidden" name="to" value={state.to} /> : null}
        <div className="field">
          <label htmlFor="links-q">{t("ep.links.search")}</label>
          <input id="links-q" type="search" name="q" defaultValue={state.q} maxLength={100} />
        </div>
        <button type="submit" className="btn btn-secondary">{t("ep.links.searchSubmit")}</button>
      </Form>

      {state.q ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{t("ep.links.results")}</caption>
            <thead><tr><th>{t("ep.links.col.org")}</th><th>{t("ep.links.col.type")}</th><th>{t("ep.links.col.creditCode")}</th><th>{t("common.actions")}</th></tr></thead>
            <tbody>
              {results.length === 0 ? <tr><td colSpan={4}>{t("ep.links.noResults")}</td></tr> : null}
              {results.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{t(`orgType.${o.type}`)}</td>
                  <td><code>{o.creditCode ?? "—"}</code></td>
                  <td className="meta-row">
                    <Link to={hrefOf(state, { from: o.id })} aria-label={t("ep.links.pickFromOrg", { name: o.name })}>{t("ep.links.pickFrom")}</Link>
                    <Link to={hrefOf(state, { to: o.id })} aria-label={t("ep.links.pickToOrg", { name: o.name })}>{t("ep.links.pickTo")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="card">
        <h2>{t("ep.links.add.title")}</h2>
        <p className="field-hint">{t("ep.links.add.hint")}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={errs(form.errors)} />
          <input type="hidden" name="intent" value="add" />
          {/* The organisations come from the URL (picked in the search above), not typed. */}
          <input type="hidden" name={fields.fromOrgId.name} value={from?.id ?? ""} />
          <input type="hidden" name={fields.toOrgId.name} value={to?.id ?? ""} />
          <dl className="facts">
            <dt>{t("ep.links.from")}</dt>
            <dd>{from ? `${from.name}（${from.creditCode ?? t(`orgType.${from.type}`)}）` : t("ep.links.notPicked")}<ErrorList errors={errs(fields.fromOrgId.errors)} /></dd>
            <dt>{t("ep.links.to")}</dt>
            <dd>{to ? `${to.name}（${to.creditCode ?? t(`orgType.${to.type}`)}）` : t("ep.links.notPicked")}<ErrorList errors={errs(fields.toOrgId.errors)} /></dd>
          </dl>
          <SelectField label={t("ep.links.kind")} {...getSelectProps(fields.kind)} errors={errs(fields.kind.errors)} placeholder="—"
            options={LINK_KINDS.map((k) => ({ value: k, label: t(`ep.kind.${k}`) }))} />
          <TextareaField label={t("ep.links.note")} {...getTextareaProps(fields.note)} rows={2} maxLength={LINK_NOTE_MAX} errors={errs(fields.note.errors)} />
          <button type="submit" className="btn">{t("ep.links.add.submit")}</button>
        </Form>
      </div>

      <AdminTable
        label={t("ep.links.title")} page={links.page} pages={links.pages} total={links.total} keep={{ q: state.q, from: state.from, to: state.to }}
        filters={[{ name: "kind", label: t("adm.links.kindFilter"), value: state.kind, options: LINK_KINDS.map((k) => ({ value: k, label: t(`ep.kind.${k}`) })) }]}
      >
        <table>
          <caption>{state.q ? t("ep.links.captionFiltered", { q: state.q, count: links.total }) : t("ep.links.caption", { count: links.total })}</caption>
          <thead>
            <tr>
              <th>{t("ep.links.from")}</th><th>{t("ep.links.col.kind")}</th><th>{t("ep.links.to")}</th>
              <th>{t("ep.links.col.note")}</th><th>{t("ep.links.col.at")}</th><th>{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {links.rows.map((l) => (
              <tr key={l.id}>
                <td>{l.fromOrg.name}</td>
                <td>{t(`ep.kind.${l.kind}`)}</td>
                <td>{l.toOrg.name}</td>
                <td>{l.note || "—"}</td>
                <td>{formatDateTime(l.createdAt, locale)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="linkId" value={l.id} />
                    <button type="submit" className="btn btn-danger btn-small" aria-label={t("ep.links.removeLink", { from: l.fromOrg.name, to: l.toOrg.name })}>
                      {t("ep.links.remove")}
                    </button>
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
